package com.omniops.system.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.omniops.command.CommandSideApplication;
import com.omniops.system.support.Http;
import com.omniops.system.support.StoredEvents;
import com.omniops.system.support.TestApps;
import com.omniops.system.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Production mode: the command side as an OAuth2 resource server, with JWTs signed by a key made for this test. */
class JwtModeTest {

    private static RSAKey issuerKey;
    private static ConfigurableApplicationContext app;
    private static String url;

    @BeforeAll
    static void startInJwtMode() throws Exception {
        TestApps.commandSide(); // migrations first
        issuerKey = new RSAKeyGenerator(2048).keyID("test").generate();
        Path publicKey = Files.createTempFile("omniops-jwt", ".pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(issuerKey.toRSAPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        publicKey.toFile().deleteOnExit();
        app = CommandSideApplication.builder().run("--server.port=0",
                "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                "--spring.datasource.username=" + TestDatabase.USER,
                "--spring.datasource.password=" + TestDatabase.PASSWORD,
                "--spring.main.banner-mode=off",
                "--omniops.security.mode=JWT",
                "--omniops.security.jwt.roles-claim=groups",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey);
        url = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String token(RSAKey key, String user, List<String> groups, Instant expires) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString()).claim("preferred_username", user)
                        .claim("groups", groups).issueTime(new Date()).expirationTime(Date.from(expires)).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static Http bearer(String token) {
        return Http.withAuthorization("Bearer " + token);
    }

    private static Map<String, Object> channel(String id) {
        return Map.of("channelId", id, "name", "JWT channel", "type", "B2B", "currency", "EUR",
                "pricesIncludeTax", false, "warehouseIds", List.of("WH-JWT"));
    }

    @Test
    void aValidTokenWithTheRightRoleIsAcceptedAndItsUserIsRecordedOnTheEvent() throws Exception {
        String channelId = "JWT-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = bearer(token(issuerKey, "erin.admin", List.of("ADMIN"),
                Instant.now().plusSeconds(300))).postAs(url + "/api/channels", channel(channelId));
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        JsonNode metadata = StoredEvents.metadataOf("channel~" + channelId).get(0);
        assertThat(metadata.path("user").asText()).isEqualTo("erin.admin");
        assertThat(metadata.path("roles").asText()).isEqualTo("ADMIN");
    }

    @Test
    void aWrongRoleIsForbidden_andMissingExpiredOrForeignTokensAreUnauthenticated() throws Exception {
        Instant later = Instant.now().plusSeconds(300);
        assertThat(bearer(token(issuerKey, "sam", List.of("SALES"), later))
                .postAs(url + "/api/channels", channel("JWT-X")).status()).isEqualTo(403);
        assertThat(Http.anonymous().postAs(url + "/api/channels", channel("JWT-X")).status()).isEqualTo(401);
        assertThat(bearer(token(issuerKey, "erin", List.of("ADMIN"), Instant.now().minusSeconds(600)))
                .postAs(url + "/api/channels", channel("JWT-X")).status()).isEqualTo(401);
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("test").generate();
        assertThat(bearer(token(stranger, "erin", List.of("ADMIN"), later))
                .postAs(url + "/api/channels", channel("JWT-X")).status()).isEqualTo(401);
        assertThat(bearer(token(issuerKey, "sys", List.of("SYSTEM"), later))
                .postAs(url + "/api/channels", channel("JWT-X")).status())
                .as("nobody can log in as the system actor").isEqualTo(403);
        Http.Response basic = Http.as("admin").postAs(url + "/api/channels", channel("JWT-X"));
        assertThat(basic.status()).as("Basic is off in JWT mode").isEqualTo(401);
    }
}
