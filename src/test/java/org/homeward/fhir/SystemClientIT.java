package org.homeward.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.UriType;
import org.homeward.patient.PatientRecord;
import org.homeward.security.CurrentUser;
import org.homeward.security.Organisation;
import org.homeward.security.OrganisationType;
import org.homeward.security.Role;
import org.homeward.security.SystemClientScopes;
import org.homeward.support.Api;
import org.homeward.support.Browser;
import org.homeward.support.Fixtures;
import org.homeward.support.IntegrationTest;
import org.homeward.ward.VirtualWard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * System clients over real HTTP, end to end: an acute trust's administrator registers its device platform (acting as
 * one of the trust's nurses, scopes {@code system/Observation.write system/Patient.read}); the platform publishes its
 * public key at a JWKS address (a JDK HTTP server on a loopback port), gets a token from Homeward's token endpoint
 * with a JWT assertion signed RS512, and uses the FHIR API with it, within its scopes and the nurse's care teams.
 */
@IntegrationTest
class SystemClientIT {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static {
        FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        FHIR.getRestfulClientFactory().setSocketTimeout(120_000);
    }

    @Autowired Fixtures fixtures;
    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;

    Organisation acute;
    CurrentUser admin;
    CurrentUser nurse;
    PatientRecord patient;
    PatientRecord elsewhere;
    RSAKey platformKey;
    HttpServer jwks;
    String jwksUrl;

    @BeforeEach
    void setUp() throws Exception {
        acute = fixtures.organisation(OrganisationType.ACUTE_TRUST);
        admin = fixtures.user(Role.ADMIN, acute);
        nurse = fixtures.user(Role.CLINICIAN, acute);
        CurrentUser consultant = fixtures.user(Role.SENIOR_DECISION_MAKER, acute);
        VirtualWard ward = fixtures.ward(acute, 10);
        patient = fixtures.patient(nurse, LocalDate.of(1941, 3, 4));
        fixtures.admit(patient, ward, nurse, consultant);
        // registered by another trust and never referred here: outside the acute trust's care teams
        CurrentUser otherNurse = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.ACUTE_TRUST));
        elsewhere = fixtures.patient(otherNurse, LocalDate.of(1950, 6, 7));

        platformKey = new RSAKeyGenerator(2048).keyID("platform-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS512).generate();
        jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwks.createContext("/.well-known/jwks.json", exchange -> {
            byte[] body = new JWKSet(platformKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jwks.start();
        jwksUrl = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json";
    }

    @AfterEach
    void stopTheJwksServer() {
        jwks.stop(0);
    }

    @Test
    void aRegisteredDevicePlatformWritesReadingsAndReadsPatientsWithinItsScopesAndItsAccountsCareTeams()
            throws Exception {
        String clientId = register(List.of("system/Observation.write", "system/Patient.read"));

        JsonNode issued = token(clientId, platformKey, "system/Observation.write system/Patient.read");
        assertThat(issued.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(issued.path("expires_in").asLong()).as("five minutes").isBetween(290L, 300L);
        String token = issued.path("access_token").asText();
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(clientId);
        assertThat(claims.getStringClaim("homeward_acts_as")).isEqualTo(nurse.username());
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(300_000L);
        assertThat(jdbc.sql("select count(*) from oauth2_authorization where registered_client_id = ?")
                .param(clientId).query(Long.class).single()).as("the token issued is recorded").isEqualTo(1);

        // a reading, stored and audited as the nurse the platform acts as
        long auditBefore = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
        IGenericClient platform = client(token);
        MethodOutcome created = platform.create().resource(heartRate(patient, 92)).execute();
        assertThat(created.getCreated()).isTrue();
        assertThat(readings(patient, "HEART_RATE")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where patient_id = ? and username = ? and action = 'CREATE'")
                .param(patient.summary().id().value()).param(nurse.username()).query(Long.class).single())
                .isPositive();

        Patient read = platform.read().resource(Patient.class).withId(patientId(patient)).execute();
        assertThat(read.getIdentifierFirstRep().getValue()).isEqualTo(patient.summary().nhsNumber().value());
        // every audit line of the platform's requests names the platform as well as the nurse it acts as; the
        // nurse's own request (HTTP Basic) names nobody else
        assertThat(jdbc.sql("""
                select distinct coalesce(via_system_client, 'the nurse herself') from audit_event
                where id > ? and patient_id = ? and username = ? and action in ('CREATE', 'READ')""")
                .param(auditBefore).param(patient.summary().id().value()).param(nurse.username())
                .query(String.class).list())
                .containsExactly(clientId);
        assertThat(nursesOwnRead(patient)).isEqualTo(200);
        assertThat(jdbc.sql("""
                select coalesce(via_system_client, 'the nurse herself') from audit_event
                where patient_id = ? and username = ? and action = 'READ' order by id desc limit 1""")
                .param(patient.summary().id().value()).param(nurse.username()).query(String.class).single())
                .as("the nurse's own read").isEqualTo("the nurse herself");
        // and the trust's administrator reads it so on the audit page: the nurse, and the platform she acted through
        try (Browser browser = new Browser(api.baseUrl(), "system-client-audit")) {
            browser.signIn(admin.username(), Fixtures.PASSWORD)
                    .open("/admin/audit?username=" + nurse.username() + "&patientId=" + patient.summary().id().value());
            assertThat(browser.driver().findElements(By.cssSelector("[data-testid='via-system-client']")).stream()
                    .map(WebElement::getText).distinct().toList())
                    .containsExactly("through the system client " + jdbc.sql(
                            "select name from system_client where client_id = ?").param(clientId).query(String.class)
                            .single() + " (client id " + clientId + ")");
            WebElement via = browser.driver().findElement(By.cssSelector("[data-testid='via-system-client']"));
            ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("arguments[0].scrollIntoView({block: 'center'})", via);
            browser.screenshot("audit-via-system-client");
        }

        // no Flag scope: 403 naming the scope, whatever the nurse herself may read
        assertThatThrownBy(() -> platform.search().forResource(Flag.class).where(Flag.PATIENT.hasId(patientId(patient)))
                .returnBundle(Bundle.class).execute())
                .isInstanceOfSatisfying(ForbiddenOperationException.class, e -> assertThat(
                        ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getDiagnostics())
                        .contains("system/Flag.read"));
        // a Patient in a transaction needs Patient write, which it was not given: nothing stored
        Bundle withPatient = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        withPatient.addEntry().setResource(heartRate(patient, 93)).getRequest().setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Observation");
        withPatient.addEntry().setResource(new Patient()).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
        assertThatThrownBy(() -> platform.transaction().withBundle(withPatient).execute())
                .isInstanceOfSatisfying(ForbiddenOperationException.class, e -> assertThat(
                        ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getDiagnostics())
                        .contains("does not grant system/Patient.write, which"));
        assertThat(readings(patient, "HEART_RATE")).isEqualTo(1);
        // a transaction of readings is the scope's own business
        Bundle readingsOnly = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        readingsOnly.addEntry().setResource(heartRate(patient, 94)).getRequest().setMethod(Bundle.HTTPVerb.POST)
                .setUrl("Observation");
        assertThat(platform.transaction().withBundle(readingsOnly).execute().getEntryFirstRep().getResponse()
                .getStatus()).startsWith("201");
        assertThat(readings(patient, "HEART_RATE")).isEqualTo(2);

        // a patient outside the nurse's organisation's care teams is answered as for the nurse: nobody there
        assertThatThrownBy(() -> platform.read().resource(Patient.class).withId(patientId(elsewhere)).execute())
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(nursesOwnRead(elsewhere)).as("as the nurse is answered").isEqualTo(404);
        assertThatThrownBy(() -> platform.create().resource(heartRate(elsewhere, 80)).execute())
                .isInstanceOf(ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException.class);
        assertThat(readings(elsewhere, "HEART_RATE")).isZero();

        // the JSON API takes no token: HTTP Basic only
        HttpResponse<String> onJsonApi = send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/api/v1/alerts"))
                .header("Authorization", "Bearer " + token).GET());
        assertThat(onJsonApi.statusCode()).isEqualTo(401);
        assertThat(onJsonApi.headers().allValues("WWW-Authenticate")).containsExactly("Basic realm=\"Homeward\"");
        assertThat(onJsonApi.body()).doesNotContain(patient.summary().familyName());
    }

    @Test
    void aBadOrExpiredTokenIsRefusedWith401InvalidTokenAndSaysWhy() throws Exception {
        String clientId = register(List.of("system/Patient.read"));

        HttpResponse<String> garbage = fhirGet("/fhir/Patient/" + patientId(patient), "not-a-token");
        assertThat(garbage.statusCode()).isEqualTo(401);
        assertThat(garbage.headers().firstValue("WWW-Authenticate").orElse(""))
                .startsWith("Bearer").contains("error=\"invalid_token\"");
        assertThat(garbage.body()).contains("OperationOutcome").contains("bearer token was refused")
                .doesNotContain("Exception").doesNotContain("at org.");

        // signed with Homeward's own key, for a real client, but out of date
        RSAKey homewardKey = RSAKey.parse(jdbc.sql("select jwk from oauth2_signing_key").query(String.class).single());
        Instant issuedAt = Instant.now().minus(20, ChronoUnit.MINUTES);
        SignedJWT expired = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(homewardKey.getKeyID())
                .type(JOSEObjectType.JWT).build(), new JWTClaimsSet.Builder().subject(clientId)
                .claim("homeward_acts_as", nurse.username()).claim("scope", List.of("system/Patient.read"))
                .issueTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt.plus(5, ChronoUnit.MINUTES)))
                .build());
        expired.sign(new RSASSASigner(homewardKey));
        HttpResponse<String> outOfDate = fhirGet("/fhir/Patient/" + patientId(patient), expired.serialize());
        assertThat(outOfDate.statusCode()).isEqualTo(401);
        assertThat(outOfDate.headers().firstValue("WWW-Authenticate").orElse("")).contains("error=\"invalid_token\"");
        assertThat(outOfDate.body()).contains("expired").doesNotContain("Exception").doesNotContain("at org.");

        // the same token in date is good: the refusal above was for its age
        SignedJWT inDate = new SignedJWT(expired.getHeader(), new JWTClaimsSet.Builder(expired.getJWTClaimsSet())
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(5, ChronoUnit.MINUTES))).build());
        inDate.sign(new RSASSASigner(homewardKey));
        assertThat(fhirGet("/fhir/Patient/" + patientId(patient), inDate.serialize()).statusCode()).isEqualTo(200);

        // the key set that checks tokens is public, without its private part
        Api.RawResponse keys = api.raw("GET", "/oauth2/jwks", null, null, null);
        assertThat(keys.status()).isEqualTo(200);
        assertThat(api.json(keys).path("keys").get(0).path("kid").asText()).isEqualTo(homewardKey.getKeyID());
        assertThat(api.json(keys).path("keys").get(0).has("d")).isFalse();
    }

    @Test
    void anAssertionSignedWithAnotherKeyReplayedLongLivedOrAskingForAnotherScopeGetsNoToken() throws Exception {
        String clientId = register(List.of("system/Observation.write"));
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(platformKey.getKeyID()).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS512).generate();

        HttpResponse<String> wrongKey = tokenRequest(clientId, impostor, null);
        assertThat(wrongKey.statusCode()).isIn(400, 401);
        assertThat(json.readTree(wrongKey.body()).path("error").asText()).isEqualTo("invalid_client");

        HttpResponse<String> noAssertion = send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        assertThat(noAssertion.statusCode()).isEqualTo(401);
        assertThat(json.readTree(noAssertion.body()).path("error").asText()).isEqualTo("invalid_client");

        HttpResponse<String> moreScope = tokenRequest(clientId, platformKey, "system/Flag.read");
        assertThat(moreScope.statusCode()).isEqualTo(400);
        assertThat(json.readTree(moreScope.body()).path("error").asText()).isEqualTo("invalid_scope");

        // NHS England's rules for the assertion: exp at most 5 minutes ahead, and each one (its jti) good once
        HttpResponse<String> longLived = tokenRequest(assertion(clientId, platformKey, 60), "system/Observation.write");
        assertThat(longLived.statusCode()).isEqualTo(401);
        assertThat(json.readTree(longLived.body()).path("error").asText()).isEqualTo("invalid_client");
        String once = assertion(clientId, platformKey, 5);
        assertThat(tokenRequest(once, "system/Observation.write").statusCode()).isEqualTo(200);
        HttpResponse<String> replayed = tokenRequest(once, "system/Observation.write");
        assertThat(replayed.statusCode()).as("the same assertion again").isEqualTo(401);
        assertThat(json.readTree(replayed.body()).path("error").asText()).isEqualTo("invalid_client");

        assertThat(jdbc.sql("select count(*) from oauth2_authorization where registered_client_id = ?")
                .param(clientId).query(Long.class).single()).as("only the good request got a token").isEqualTo(1);
    }

    @Test
    void aRevokedClientGetsNoNewTokenAndItsTokenIsRefusedAtItsNextUse() throws Exception {
        String clientId = register(List.of("system/Patient.read"));
        String token = token(clientId, platformKey, "system/Patient.read").path("access_token").asText();
        assertThat(fhirGet("/fhir/Patient/" + patientId(patient), token).statusCode()).isEqualTo(200);

        CurrentUser otherAdmin = fixtures.user(Role.ADMIN, fixtures.organisation(OrganisationType.ACUTE_TRUST));
        assertThat(api.raw("POST", "/api/v1/system-clients/" + clientId + "/revocation", otherAdmin, null).status())
                .as("another organisation's administrator finds no such client").isEqualTo(404);
        Api.RawResponse revoked = api.raw("POST", "/api/v1/system-clients/" + clientId + "/revocation", admin, null);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(api.json(revoked).path("revokedAt").asText()).isNotBlank();
        assertThat(api.json(revoked).path("revokedBy").asText()).isEqualTo(admin.username());

        HttpResponse<String> newToken = tokenRequest(clientId, platformKey, "system/Patient.read");
        assertThat(newToken.statusCode()).isEqualTo(401);
        assertThat(json.readTree(newToken.body()).path("error").asText()).isEqualTo("invalid_client");

        HttpResponse<String> oldToken = fhirGet("/fhir/Patient/" + patientId(patient), token);
        assertThat(oldToken.statusCode()).as("the token has minutes left, but its client is revoked").isEqualTo(401);
        assertThat(oldToken.headers().firstValue("WWW-Authenticate").orElse("")).contains("error=\"invalid_token\"");
        assertThat(oldToken.body()).contains("revoked").doesNotContain(patient.summary().familyName());

        assertThat(auditLines(clientId)).containsExactlyInAnyOrder("CREATE", "UPDATE", "DENIED");
        // listed, revoked, to its own organisation's administrator only
        assertThat(api.get(admin, "/api/v1/system-clients").body().findValuesAsText("clientId")).contains(clientId);
        assertThat(api.get(otherAdmin, "/api/v1/system-clients").body().findValuesAsText("clientId"))
                .doesNotContain(clientId);
    }

    @Test
    void onlyAnAdministratorRegistersAndBadInputIsRefusedNamingTheFieldWithNothingWritten() {
        long before = systemClients();
        Api.Response byNurse = api.post(nurse, "/api/v1/system-clients", registration(nurse.username(),
                List.of("system/Observation.write"), jwksUrl));
        assertThat(byNurse.status()).isEqualTo(403);

        // Appointment is not a type Homeward serves
        assertThat(refusedField(registration(nurse.username(),
                List.of("system/Observation.write", "system/Appointment.write"), jwksUrl))).isEqualTo("scopes");
        assertThat(refusedField(registration(nurse.username(), List.of("patient/Observation.read"), jwksUrl)))
                .isEqualTo("scopes");
        assertThat(refusedField(registration(nurse.username(), List.of("system/Observation.write"),
                "/.well-known/jwks.json"))).isEqualTo("jwkSetUrl");
        assertThat(refusedField(registration(nurse.username(), List.of("system/Observation.write"),
                "ftp://keys.example/jwks.json"))).isEqualTo("jwkSetUrl");
        CurrentUser otherTrustsNurse = fixtures.user(Role.CLINICIAN, fixtures.organisation(OrganisationType.ACUTE_TRUST));
        assertThat(refusedField(registration(otherTrustsNurse.username(), List.of("system/Observation.write"), jwksUrl)))
                .isEqualTo("actsAs");
        assertThat(refusedField(registration("nobody-" + UUID.randomUUID(), List.of("system/Observation.write"),
                jwksUrl))).isEqualTo("actsAs");

        assertThat(systemClients()).as("nothing written").isEqualTo(before);
    }

    @Test
    void theCapabilityStatementAdvertisesTheTokenEndpointAndScopesCoverExactlyTheServedTypes() {
        CapabilityStatement capability = FHIR.newRestfulGenericClient(api.baseUrl() + "/fhir").capabilities()
                .ofType(CapabilityStatement.class).execute();
        CapabilityStatement.CapabilityStatementRestSecurityComponent security = capability.getRestFirstRep().getSecurity();
        assertThat(security.getServiceFirstRep().getCodingFirstRep().getCode()).isEqualTo("OAuth");
        assertThat(((UriType) security.getExtensionByUrl(SystemScopeInterceptor.OAUTH_URIS).getExtensionByUrl("token")
                .getValue()).getValue()).isEqualTo(api.baseUrl() + "/oauth2/token");
        // every type served has its scopes (OperationDefinition is HAPI's own description of $validate, not data)
        assertThat(capability.getRestFirstRep().getResource()).extracting(r -> r.getType())
                .filteredOn(type -> !type.equals("OperationDefinition"))
                .containsExactlyInAnyOrderElementsOf(SystemClientScopes.RESOURCE_TYPES);
    }

    @Test
    void theSmartConfigurationTellsABackendServiceHowToGetATokenBeforeItSignsIn() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(
                URI.create(api.baseUrl() + "/fhir/.well-known/smart-configuration")).GET());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        JsonNode smart = json.readTree(answer.body());
        assertThat(smart.path("token_endpoint").asText()).isEqualTo(api.baseUrl() + "/oauth2/token");
        assertThat(smart.path("grant_types_supported").toString()).isEqualTo("[\"client_credentials\"]");
        assertThat(smart.path("token_endpoint_auth_methods_supported").toString()).isEqualTo("[\"private_key_jwt\"]");
        assertThat(smart.path("token_endpoint_auth_signing_alg_values_supported").toString()).isEqualTo("[\"RS512\"]");
        assertThat(smart.path("capabilities").toString()).contains("\"client-confidential-asymmetric\"");
        List<String> scopes = new java.util.ArrayList<>();
        smart.path("scopes_supported").forEach(scope -> scopes.add(scope.asText()));
        assertThat(scopes).containsExactlyInAnyOrderElementsOf(SystemClientScopes.allowed())
                .contains("system/Observation.write", "system/*.read");
        // the key set it names is where the access tokens' signing key is published
        HttpResponse<String> keys = send(HttpRequest.newBuilder(URI.create(smart.path("jwks_uri").asText())).GET());
        assertThat(keys.statusCode()).isEqualTo(200);
        RSAKey homewardKey = RSAKey.parse(jdbc.sql("select jwk from oauth2_signing_key").query(String.class).single());
        assertThat(json.readTree(keys.body()).path("keys").findValuesAsText("kid")).contains(homewardKey.getKeyID());
        // and a token got as it says works
        String clientId = register(List.of("system/Patient.read"));
        String token = token(clientId, platformKey, "system/Patient.read").path("access_token").asText();
        assertThat(client(token).read().resource(Patient.class).withId(patientId(patient)).execute()
                .getIdentifierFirstRep().getValue()).isEqualTo(patient.summary().nhsNumber().value());
    }

    // ------------------------------------------------------------------------------------------------------------

    private String register(List<String> scopes) {
        Api.Response registered = api.post(admin, "/api/v1/system-clients",
                registration(nurse.username(), scopes, jwksUrl));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.text("actsAs")).isEqualTo(nurse.username());
        return registered.text("clientId");
    }

    private Map<String, Object> registration(String actsAs, List<String> scopes, String jwkSetUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Remote monitoring platform " + Fixtures.unique("p"));
        body.put("actsAs", actsAs);
        body.put("scopes", scopes);
        body.put("jwkSetUrl", jwkSetUrl);
        return body;
    }

    private String refusedField(Map<String, Object> body) {
        Api.Response refused = api.post(admin, "/api/v1/system-clients", body);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        return refused.body().path("errors").get(0).path("field").asText();
    }

    private JsonNode token(String clientId, RSAKey key, String scope) throws Exception {
        HttpResponse<String> response = tokenRequest(clientId, key, scope);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** A token request as NHS England's signed-JWT authentication makes it: no client_id, the assertion names it. */
    private HttpResponse<String> tokenRequest(String clientId, RSAKey key, String scope) throws Exception {
        return tokenRequest(assertion(clientId, key, 5), scope);
    }

    private String assertion(String clientId, RSAKey key, int minutesAhead) throws Exception {
        SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS512).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), new JWTClaimsSet.Builder().issuer(clientId).subject(clientId)
                .audience(api.baseUrl() + "/oauth2/token").jwtID(UUID.randomUUID().toString())
                .expirationTime(Date.from(Instant.now().plus(minutesAhead, ChronoUnit.MINUTES))).build());
        assertion.sign(new RSASSASigner(key));
        return assertion.serialize();
    }

    private HttpResponse<String> tokenRequest(String assertion, String scope) {
        String tokenUrl = api.baseUrl() + "/oauth2/token";
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_assertion_type", JWT_BEARER);
        form.put("client_assertion", assertion);
        if (scope != null) {
            form.put("scope", scope);
        }
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private IGenericClient client(String token) {
        IGenericClient client = FHIR.newRestfulGenericClient(api.baseUrl() + "/fhir");
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        return client;
    }

    private HttpResponse<String> fhirGet(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/fhir+json").GET());
    }

    private int nursesOwnRead(PatientRecord record) {
        return api.raw("GET", "/fhir/Patient/" + patientId(record), nurse, null).status();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> auditLines(String clientId) {
        return jdbc.sql("select action from audit_event where record_type = 'SystemClient' and record_id = ?")
                .param(clientId).query(String.class).list();
    }

    private long systemClients() {
        return jdbc.sql("select count(*) from system_client").query(Long.class).single();
    }

    private long readings(PatientRecord record, String parameter) {
        return jdbc.sql("select count(*) from observation_reading where patient_id = ? and parameter = ?")
                .param(record.summary().id().value()).param(parameter).query(Long.class).single();
    }

    private static String patientId(PatientRecord record) {
        return record.summary().id().value().toString();
    }

    private static Observation heartRate(PatientRecord record, int value) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addIdentifier().setSystem("https://device-platform.example/readings").setValue("hr-" + UUID.randomUUID());
        o.addCategory(new CodeableConcept(new Coding(ObservationTranslator.CATEGORY_SYSTEM, "vital-signs", null)));
        o.setCode(new CodeableConcept(new Coding(UkCore.LOINC, "8867-4", null)));
        o.setSubject(new Reference("Patient/" + patientId(record)));
        o.setEffective(new DateTimeType(Date.from(Instant.now().minus(1, ChronoUnit.MINUTES))));
        o.setValue(new Quantity().setValue(value).setSystem(UkCore.UCUM).setCode("/min"));
        return o;
    }
}
