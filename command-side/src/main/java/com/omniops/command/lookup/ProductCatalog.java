package com.omniops.command.lookup;

import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which SKUs exist, are active, and are listed on which channel: the command side's product set validation. */
@Component
public class ProductCatalog {

    private final JdbcTemplate jdbc;

    public ProductCatalog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void register(String sku) {
        try {
            jdbc.update("INSERT INTO product_registry (sku) VALUES (?)", sku);
        } catch (DuplicateKeyException e) {
            throw new BusinessRuleViolation(ErrorCode.PRODUCT_ALREADY_EXISTS,
                    "A product with SKU " + sku + " is already registered.");
        }
    }

    public boolean exists(String sku) {
        return status(sku).isPresent();
    }

    public void markDiscontinued(String sku) {
        jdbc.update("UPDATE product_registry SET discontinued = TRUE WHERE sku = ?", sku);
    }

    public void addListing(String channelId, String channelSku, String sku) {
        try {
            jdbc.update("INSERT INTO channel_listing (channel_id, channel_sku, sku) VALUES (?, ?, ?)",
                    channelId, channelSku, sku);
        } catch (DuplicateKeyException e) {
            throw new BusinessRuleViolation(ErrorCode.CHANNEL_SKU_TAKEN,
                    "Channel SKU " + channelSku + " is already used by another product on channel " + channelId + ".");
        }
    }

    /** Per SKU: empty if unknown, else whether it is discontinued and whether it is listed on the channel. */
    public Map<String, SkuOnChannel> lookUp(String channelId, Collection<String> skus) {
        Map<String, SkuOnChannel> found = new HashMap<>();
        if (skus.isEmpty()) {
            return found;
        }
        String placeholders = String.join(",", Collections.nCopies(skus.size(), "?"));
        List<Object> args = new ArrayList<>();
        args.add(channelId);
        args.addAll(skus);
        jdbc.query("SELECT p.sku, p.discontinued, l.channel_sku IS NOT NULL AS listed FROM product_registry p "
                        + "LEFT JOIN channel_listing l ON l.sku = p.sku AND l.channel_id = ? "
                        + "WHERE p.sku IN (" + placeholders + ")",
                rs -> {
                    found.put(rs.getString("sku"),
                            new SkuOnChannel(rs.getBoolean("discontinued"), rs.getBoolean("listed")));
                },
                args.toArray());
        return found;
    }

    /** Our SKU for each of the channel's own SKUs (its listings); a channel SKU it does not list is absent. */
    public Map<String, String> skusListedAs(String channelId, Collection<String> channelSkus) {
        Map<String, String> found = new HashMap<>();
        if (channelSkus.isEmpty()) {
            return found;
        }
        String placeholders = String.join(",", Collections.nCopies(channelSkus.size(), "?"));
        List<Object> args = new ArrayList<>();
        args.add(channelId);
        args.addAll(channelSkus);
        jdbc.query("SELECT channel_sku, sku FROM channel_listing WHERE channel_id = ? AND channel_sku IN ("
                        + placeholders + ")",
                rs -> {
                    found.put(rs.getString("channel_sku"), rs.getString("sku"));
                },
                args.toArray());
        return found;
    }

    private Optional<Boolean> status(String sku) {
        return jdbc.query("SELECT discontinued FROM product_registry WHERE sku = ?",
                rs -> rs.next() ? Optional.of(rs.getBoolean(1)) : Optional.<Boolean>empty(), sku);
    }

    public record SkuOnChannel(boolean discontinued, boolean listed) {
    }
}
