package com.omniops.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code omniops.security.*}: how callers authenticate. BASIC (the default and the demo) checks the bcrypt-hashed
 * users listed here; JWT makes the app an OAuth2 resource server (configure the issuer or JWK set with Spring's
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties) and reads roles and the channel from claims.
 */
@ConfigurationProperties("omniops.security")
public class SecuritySettings {

    public enum Mode { BASIC, JWT }

    private Mode mode = Mode.BASIC;
    private List<UserEntry> users = new ArrayList<>();
    private Jwt jwt = new Jwt();
    private Cors cors = new Cors();

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }

    public List<UserEntry> getUsers() {
        return users;
    }

    public void setUsers(List<UserEntry> users) {
        this.users = users;
    }

    public Jwt getJwt() {
        return jwt;
    }

    public void setJwt(Jwt jwt) {
        this.jwt = jwt;
    }

    public Cors getCors() {
        return cors;
    }

    public void setCors(Cors cors) {
        this.cors = cors;
    }

    /** A built-in user: {@code password} is a bcrypt hash ({bcrypt} prefix optional). */
    public static class UserEntry {
        private String username;
        private String password;
        private List<Role> roles = new ArrayList<>();
        private String channel;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public List<Role> getRoles() {
            return roles;
        }

        public void setRoles(List<Role> roles) {
            this.roles = roles;
        }

        public String getChannel() {
            return channel;
        }

        public void setChannel(String channel) {
            this.channel = channel;
        }
    }

    public static class Jwt {
        /** Claim holding the roles: a list, or a space/comma separated string; "ROLE_" prefixes are optional. */
        private String rolesClaim = "roles";
        private String usernameClaim = "preferred_username";
        /** Claim naming the channel a CHANNEL integration is bound to. */
        private String channelClaim = "channel";

        public String getRolesClaim() {
            return rolesClaim;
        }

        public void setRolesClaim(String rolesClaim) {
            this.rolesClaim = rolesClaim;
        }

        public String getUsernameClaim() {
            return usernameClaim;
        }

        public void setUsernameClaim(String usernameClaim) {
            this.usernameClaim = usernameClaim;
        }

        public String getChannelClaim() {
            return channelClaim;
        }

        public void setChannelClaim(String channelClaim) {
            this.channelClaim = channelClaim;
        }
    }

    /** CORS is off unless origins are listed. */
    public static class Cors {
        private List<String> allowedOrigins = new ArrayList<>();
        private List<String> allowedMethods = new ArrayList<>(List.of("GET", "POST"));

        public List<String> getAllowedOrigins() {
            return allowedOrigins;
        }

        public void setAllowedOrigins(List<String> allowedOrigins) {
            this.allowedOrigins = allowedOrigins;
        }

        public List<String> getAllowedMethods() {
            return allowedMethods;
        }

        public void setAllowedMethods(List<String> allowedMethods) {
            this.allowedMethods = allowedMethods;
        }
    }
}
