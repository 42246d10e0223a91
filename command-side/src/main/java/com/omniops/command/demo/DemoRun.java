package com.omniops.command.demo;

import com.omniops.support.security.OmniOpsUser;
import com.omniops.support.security.Role;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * What the parts of one demo load share: the commands they send (counted), the demo clock, the one seeded random
 * they all draw from, the steps still to come and the simulation's estimate of the stock.
 * <p>
 * The same seed gives the same history only while every draw from {@link #random} happens in the same order: a part
 * that draws must keep its draws where they are (also inside scheduled steps, which draw when they run).
 */
final class DemoRun {

    /** A simulated step; steps due at the same instant run in {@code order}. */
    record Step(Instant at, long order, Runnable action) implements Comparable<Step> {
        @Override
        public int compareTo(Step other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

    final DemoClock clock;
    final Random random;
    /** Available units per stock item as the simulation believes them (what it buys and transfers by). */
    final Map<String, Integer> estimatedAvailable = new HashMap<>();

    /** Orders the channels placed, and those the rules refused (their channel references count both). */
    int placed;
    int rejected;
    int returns;
    /** Refunds requested, for cancellations and returns alike (their steps are ordered by it). */
    int refunds;
    int commandsSent;
    /** What the channels will settle of the payments, fees and refunds (set once the history is scheduled). */
    DemoSettlements settlements;

    private final CommandGateway commands;
    private final PriorityQueue<Step> schedule = new PriorityQueue<>();

    DemoRun(CommandGateway commands, DemoClock clock, long seed) {
        this.commands = commands;
        this.clock = clock;
        this.random = new Random(seed);
    }

    <R> R send(Object command) {
        commandsSent++;
        return commands.sendAndWait(command);
    }

    void schedule(Instant at, long order, Runnable action) {
        schedule.add(new Step(at, order, action));
    }

    boolean hasSteps() {
        return !schedule.isEmpty();
    }

    Step nextStep() {
        return schedule.poll();
    }

    /** Runs {@code action} as another user (a finance user approving), then acts as before again. */
    void as(String user, Role role, Runnable action) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        actAs(user, role);
        try {
            action.run();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    /** The loader acts as a user of its own, so its commands and events carry an actor like any other. */
    static void actAs(String user, Role role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new OmniOpsUser(user, "", List.of(role), null), null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
    }
}
