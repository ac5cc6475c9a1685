package io.socialdesk.web.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.health.DatabaseProbe;
import io.socialdesk.core.health.HealthService;
import io.socialdesk.core.job.JobRunLog;
import io.socialdesk.core.post.NewPost;
import io.socialdesk.core.post.PostState;
import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.web.rest.AccountResource.AccountJson;
import io.socialdesk.web.rest.error.ErrorJson;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import javax.ws.rs.BeanParam;
import javax.ws.rs.CookieParam;
import javax.ws.rs.FormParam;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.MatrixParam;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/openapi.yaml} true to the code: every JAX-RS operation of {@link RestApi#RESOURCES}
 * is documented with the same method, path template, parameters, request body and response type,
 * nothing is documented that does not exist, and the schemas list exactly the JSON properties of
 * the records the API reads and writes. Each comparator is also run on a spoiled copy of the
 * document, to prove it can fail.
 */
class OpenApiContractTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> HTTP_METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** The records on the wire and the schema that documents each. */
    static final Map<Class<?>, String> SCHEMAS = new LinkedHashMap<>();

    static {
        SCHEMAS.put(PostJson.class, "Post");
        SCHEMAS.put(NewPost.class, "NewPost");
        SCHEMAS.put(io.socialdesk.core.post.PostEdit.class, "PostEdit");
        SCHEMAS.put(io.socialdesk.core.post.Utm.class, "Utm");
        SCHEMAS.put(PostJson.MediaJson.class, "Media");
        SCHEMAS.put(io.socialdesk.web.rest.error.ConflictMapper.ConflictJson.class, "Conflict");
        SCHEMAS.put(AccountJson.class, "Account");
        SCHEMAS.put(AccountResource.AccountHealthJson.class, "AccountHealth");
        SCHEMAS.put(AccountResource.AttentionJson.class, "Attention");
        SCHEMAS.put(AccountResource.ConnectRequest.class, "ConnectRequest");
        SCHEMAS.put(AccountResource.ConnectStartJson.class, "ConnectStart");
        SCHEMAS.put(AccountResource.AppPasswordRequest.class, "AppPasswordRequest");
        SCHEMAS.put(AccountResource.CheckJson.class, "AccountCheck");
        SCHEMAS.put(AccountResource.OAuthClientRequest.class, "OAuthClientRequest");
        SCHEMAS.put(AccountResource.OAuthClientJson.class, "OAuthClient");
        SCHEMAS.put(AccountResource.AccountSettingsRequest.class, "AccountSettingsRequest");
        SCHEMAS.put(AccountResource.AccountSettingsJson.class, "AccountSettings");
        SCHEMAS.put(ErrorJson.class, "Error");
        SCHEMAS.put(FieldProblem.class, "FieldProblem");
        SCHEMAS.put(ValidateRequest.class, "ValidateRequest");
        SCHEMAS.put(ValidationJson.class, "Validation");
        SCHEMAS.put(ValidationJson.ValidationErrorJson.class, "ValidationError");
        SCHEMAS.put(io.socialdesk.core.approval.ReviewService.ActionRequest.class, "ActionRequest");
        SCHEMAS.put(ReviewResource.CommentRequest.class, "CommentRequest");
        SCHEMAS.put(ReviewResource.FlagsJson.class, "Flags");
        SCHEMAS.put(ReviewJson.class, "Review");
        SCHEMAS.put(ReviewJson.DepartmentJson.class, "ReviewDepartment");
        SCHEMAS.put(ReviewJson.DecisionJson.class, "Decision");
        SCHEMAS.put(ReviewJson.ChangesJson.class, "Changes");
        SCHEMAS.put(ReviewJson.FieldChangeJson.class, "FieldChange");
        SCHEMAS.put(ReviewJson.SegmentJson.class, "Segment");
        SCHEMAS.put(ReviewJson.AuditEventJson.class, "AuditEvent");
        SCHEMAS.put(PolicyJson.class, "Policy");
        SCHEMAS.put(PolicyJson.DepartmentRuleJson.class, "DepartmentRule");
        SCHEMAS.put(PolicyJson.ContentRuleJson.class, "ContentRule");
        SCHEMAS.put(io.socialdesk.core.post.MediaRef.class, "MediaRef");
        SCHEMAS.put(MediaResource.UploadedJson.class, "UploadedMedia");
        SCHEMAS.put(io.socialdesk.channel.webhook.InboundWebhook.Mention.class, "InboundMention");
        SCHEMAS.put(io.socialdesk.channel.webhook.InboundWebhook.MentionAuthor.class, "InboundMentionAuthor");
        SCHEMAS.put(InboundResource.InboundAcceptedJson.class, "InboundAccepted");
        SCHEMAS.put(NetworkWebhookResource.DeliveryJson.class, "WebhookDelivery");
        SCHEMAS.put(QueueResource.QueueJson.class, "Queue");
        SCHEMAS.put(QueueResource.BucketJson.class, "QueueBucket");
        SCHEMAS.put(QueueResource.DeliveryJson.class, "Delivery");
        SCHEMAS.put(QueueResource.QueueActionRequest.class, "DeliveryActionRequest");
        SCHEMAS.put(QueueResource.MetricsJson.class, "PublishingMetrics");
        SCHEMAS.put(QueueResource.OutcomeJson.class, "PublishingOutcome");
        SCHEMAS.put(RoutingJson.class, "RoutingRules");
        SCHEMAS.put(RoutingJson.RuleJson.class, "RoutingRule");
        SCHEMAS.put(RoutingJson.RouteJson.class, "Route");
        SCHEMAS.put(RoutingResource.RoutingTestRequest.class, "RoutingTestRequest");
        SCHEMAS.put(RoutingResource.TriageJson.class, "Triage");
        SCHEMAS.put(RoutingResource.RoutingTestJson.class, "RoutingTest");
        SCHEMAS.put(CrisisAlertResource.CrisisAlertsJson.class, "CrisisAlerts");
        // The editorial calendar (issue 7): the view model's classes have getters only (Jira's Velocity), not records.
        SCHEMAS.put(CalendarResource.CalendarJson.class, "Calendar");
        SCHEMAS.put(io.socialdesk.web.calendar.CalendarLegend.Item.class, "CalendarLegendItem");
        SCHEMAS.put(io.socialdesk.web.calendar.CalendarDay.class, "CalendarDay");
        SCHEMAS.put(io.socialdesk.web.calendar.CalendarItem.class, "CalendarItem");
        SCHEMAS.put(io.socialdesk.web.calendar.CalendarMarks.KeyDateItem.class, "CalendarKeyDate");
        SCHEMAS.put(io.socialdesk.web.calendar.CalendarMarks.BlackoutItem.class, "CalendarBlackout");
        SCHEMAS.put(io.socialdesk.web.calendar.CalendarMarks.ClashItem.class, "CalendarClash");
        SCHEMAS.put(io.socialdesk.web.calendar.CalendarMarks.GapItem.class, "CalendarGap");
        SCHEMAS.put(CalendarResource.CadenceJson.class, "Cadence");
        SCHEMAS.put(CalendarResource.KeyDatesJson.class, "KeyDates");
        SCHEMAS.put(CalendarResource.KeyDateJson.class, "KeyDate");
        SCHEMAS.put(CalendarResource.TeamKeyDateJson.class, "TeamKeyDate");
        SCHEMAS.put(io.socialdesk.core.calendar.CalendarService.KeyDateRequest.class, "KeyDateRequest");
        SCHEMAS.put(CalendarResource.BlackoutJson.class, "Blackout");
        SCHEMAS.put(io.socialdesk.core.calendar.CalendarService.BlackoutRequest.class, "BlackoutRequest");
        SCHEMAS.put(CalendarResource.ScheduleJson.class, "PostingSchedule");
        SCHEMAS.put(io.socialdesk.core.calendar.CalendarService.ScheduleRequest.class, "ScheduleRequest");
        SCHEMAS.put(CalendarResource.NextSlotJson.class, "NextSlot");
        SCHEMAS.put(CalendarResource.QueueRequest.class, "QueueRequest");
        SCHEMAS.put(CalendarResource.RescheduleRequest.class, "RescheduleRequest");
        SCHEMAS.put(CalendarResource.RescheduledJson.class, "Rescheduled");
        SCHEMAS.put(InboxResource.ReplyRequest.class, "ReplyRequest");
        SCHEMAS.put(InboxResource.DecisionRequest.class, "RejectReplyRequest");
        SCHEMAS.put(InboxResource.ConfirmRequest.class, "ConfirmReplyRequest");
        SCHEMAS.put(InboxResource.ForgetRequest.class, "ForgetRequest");
        SCHEMAS.put(InboxResource.ForgottenJson.class, "Forgotten");
        SCHEMAS.put(InboxResource.ReplyJson.class, "Reply");
        SCHEMAS.put(InboxResource.ResponseTimesJson.class, "ResponseTimes");
        SCHEMAS.put(InboxResource.FiguresJson.class, "ResponseFigures");
        // Editorial calendar (issue 7): iCalendar feeds.
        SCHEMAS.put(CalendarFeedJson.NewFeed.class, "CalendarFeedRequest");
        SCHEMAS.put(CalendarFeedJson.Feed.class, "CalendarFeed");
        SCHEMAS.put(CalendarFeedJson.Issued.class, "CalendarFeedIssued");
        SCHEMAS.put(CalendarFeedJson.Filter.class, "CalendarFilterSaved");
        SCHEMAS.put(CalendarFeedJson.Feeds.class, "CalendarFeeds");
        SCHEMAS.put(CalendarDataJson.class, "CalendarData");
        SCHEMAS.put(CalendarDataJson.Query.class, "CalendarDataQuery");
        SCHEMAS.put(CalendarDataJson.Entry.class, "CalendarDataEntry");
        SCHEMAS.put(CalendarDataJson.Day.class, "CalendarDataDay");
        SCHEMAS.put(CalendarDataJson.Period.class, "CalendarDataPeriod");
        SCHEMAS.put(CalendarDataJson.ClashJson.class, "CalendarDataClash");
        SCHEMAS.put(CalendarDataJson.GapJson.class, "CalendarDataGap");
        SCHEMAS.put(CalendarDataJson.AccountRef.class, "CalendarDataAccount");
    }

    /**
     * Operations that read their JSON body as raw bytes (to check a signature over exactly those bytes)
     * and the schema that documents the JSON: the code shows an {@code InputStream}, the document the shape.
     */
    static final Map<String, String> RAW_JSON_BODIES = Map.of("POST /inbound/{accountId}", "(inline schema)", // one InboundMention or an array of them
            // The networks' own envelopes, read as bytes for their signatures and documented inline.
            "POST /webhooks/meta", "(inline schema)", "POST /webhooks/linkedin", "(inline schema)");

    /** Built from maps rather than a record, so checked by calling {@link HealthResource}. */
    static final String HEALTH_SCHEMA = "Health";

    private static JsonNode doc;

    @BeforeAll
    static void readDocument() throws IOException {
        doc = YAML.readTree(openApiFile().toFile());
    }

    // ---------------------------------------------------------------- the checks on the real document

    @Test
    void isOpenApi303ServedUnderTheRestBasePath() {
        assertThat(doc.path("openapi").asText()).isEqualTo("3.0.3");
        assertThat(doc.path("servers").get(0).path("url").asText()).isEqualTo(RestApi.BASE_PATH);
    }

    @Test
    void documentsBothWaysOfSigningInToTheServer() {
        JsonNode schemes = doc.path("components").path("securitySchemes");
        // The server's AuthFilter.SESSION_COOKIE; web cannot see the server module.
        assertThat(StreamSupport.stream(schemes.spliterator(), false))
                .anySatisfy(s -> {
                    assertThat(s.path("type").asText()).isEqualTo("apiKey");
                    assertThat(s.path("in").asText()).isEqualTo("cookie");
                    assertThat(s.path("name").asText()).isEqualTo("SD_SESSION");
                })
                .anySatisfy(s -> {
                    assertThat(s.path("type").asText()).isEqualTo("http");
                    assertThat(s.path("scheme").asText()).isEqualTo("bearer");
                });
    }

    @Test
    void everyOperationInTheCodeIsDocumentedAndNothingElse() {
        Map<String, Operation> code = codeOperations(RestApi.RESOURCES);
        assertThat(code).as("operations found in RestApi.RESOURCES").hasSizeGreaterThanOrEqualTo(5);
        assertThat(compareOperations(code, documentedOperations(doc))).isEmpty();
    }

    @Test
    void schemasListExactlyTheJsonPropertiesOfTheRecords() {
        assertThat(schemaDifferences(doc)).isEmpty();
    }

    @Test
    void enumsListExactlyTheValuesOfTheJavaEnums() {
        assertThat(enumValues(doc, "Post", "state")).isEqualTo(names(PostState.values()));
        assertThat(enumValues(doc, "Account", "network")).isEqualTo(names(Network.values()));
    }

    @Test
    void healthSchemaMatchesWhatHealthResourceAnswersUpAndDown() {
        JobRunLog runs = new JobRunLog() {
            @Override public void recordRun(String jobKey, String node, Instant at) {}

            @Override public Optional<JobRun> lastRun(String jobKey) {
                return Optional.of(new JobRun(jobKey, "node-1", Instant.parse("2026-11-20T14:03:00Z")));
            }
        };
        Response up = new HealthResource(new HealthService(() -> new DatabaseProbe.DatabaseStatus(true, "HSQLDB", "ok"), runs)).get();
        Response down = new HealthResource(new HealthService(() -> new DatabaseProbe.DatabaseStatus(false, "HSQLDB", "unreachable"), runs)).get();

        JsonNode getHealth = doc.path("paths").path("/health").path("get").path("responses");
        for (Response answer : List.of(up, down)) {
            JsonNode documented = getHealth.path(Integer.toString(answer.getStatus()));
            assertThat(documented.isMissingNode()).as("status %s of /health is documented", answer.getStatus()).isFalse();
            assertThat(schemaName(documented.path("content").path("application/json").path("schema"))).isEqualTo(HEALTH_SCHEMA);
            List<String> problems = new ArrayList<>();
            compareMapToSchema(HEALTH_SCHEMA, answer.getEntity(), schema(doc, HEALTH_SCHEMA), problems);
            assertThat(problems).isEmpty();
        }
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as("%s resolves", ref).isFalse();
        }
    }

    @Test
    void everyOperationDocumentsItsErrorsAsErrorJson() {
        for (Map.Entry<String, JsonNode> op : operationNodes(doc).entrySet()) {
            JsonNode responses = op.getValue().path("responses");
            for (String status : List.of("401", "405", "500")) {
                assertThat(responses.has(status)).as("%s documents %s", op.getKey(), status).isTrue();
            }
            responses.fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("4") || r.getKey().equals("500")) {
                    JsonNode response = resolve(doc, r.getValue());
                    // A stale edit (409) also carries the current post, in a Conflict.
                    String expected = r.getKey().equals("409") ? "Conflict" : "Error";
                    assertThat(schemaName(response.path("content").path("application/json").path("schema")))
                            .as("%s %s answers an %s", op.getKey(), r.getKey(), expected).isEqualTo(expected);
                }
            });
        }
    }

    // ---------------------------------------------------------------- proof that the comparators can fail

    @Test
    void aMissingPathIsReported() {
        ObjectNode spoiled = doc.deepCopy();
        ((ObjectNode) spoiled.path("paths")).remove("/posts/{id}");

        assertThat(compareOperations(codeOperations(RestApi.RESOURCES), documentedOperations(spoiled)))
                .containsExactlyInAnyOrder("Not documented: GET /posts/{id}", "Not documented: PUT /posts/{id}");
    }

    @Test
    void aDocumentedOperationThatDoesNotExistIsReported() {
        ObjectNode spoiled = doc.deepCopy();
        ((ObjectNode) spoiled.path("paths").path("/accounts")).set("delete", YAML.createObjectNode());

        assertThat(compareOperations(codeOperations(RestApi.RESOURCES), documentedOperations(spoiled)))
                .containsExactly("Documented but not in the code: DELETE /accounts");
    }

    @Test
    void aRenamedParameterOrAMissingBodyIsReported() {
        ObjectNode spoiled = doc.deepCopy();
        ((ObjectNode) spoiled.path("paths").path("/posts").path("get").path("parameters").get(5)).put("name", "max");
        ((ObjectNode) spoiled.path("paths").path("/posts").path("post")).remove("requestBody");

        assertThat(compareOperations(codeOperations(RestApi.RESOURCES), documentedOperations(spoiled)))
                .containsExactlyInAnyOrder(
                        "GET /posts: the code has parameters [query:author, query:campaign, query:from, query:limit, query:state, query:to],"
                                + " the document [query:author, query:campaign, query:from, query:max, query:state, query:to]",
                        "POST /posts: the code reads a body NewPost, the document null");
    }

    @Test
    void aWrongResponseSchemaIsReported() {
        ObjectNode spoiled = doc.deepCopy();
        ((ObjectNode) spoiled.at("/paths/~1posts~1{id}/get/responses/200/content/application~1json/schema"))
                .put("$ref", "#/components/schemas/Account");

        assertThat(compareOperations(codeOperations(RestApi.RESOURCES), documentedOperations(spoiled)))
                .containsExactly("GET /posts/{id}: the code answers Post, the document Account");
    }

    @Test
    void aMissingOrExtraSchemaPropertyIsReported() {
        ObjectNode spoiled = doc.deepCopy();
        ((ObjectNode) schema(spoiled, "Post").path("properties")).remove("zone");
        ((ObjectNode) schema(spoiled, "FieldProblem").path("properties")).set("severity", YAML.createObjectNode());

        assertThat(schemaDifferences(spoiled)).containsExactlyInAnyOrder(
                "Schema Post lacks the JSON properties [zone] of PostJson",
                "Schema Post requires undocumented properties [zone]",
                "Schema FieldProblem documents properties [severity] that FieldProblem does not have");
    }

    // ---------------------------------------------------------------- operations: code

    /** One operation: its HTTP method and path template, its parameters ({@code in:name}), its body and answer schemas. */
    record Operation(String method, String path, Set<String> parameters, String body, String returns) {
        String key() {
            return method + " " + path;
        }
    }

    static Map<String, Operation> codeOperations(List<Class<?>> resources) {
        Map<String, Operation> operations = new TreeMap<>();
        for (Class<?> resource : resources) {
            javax.ws.rs.Path classPath = resource.getAnnotation(javax.ws.rs.Path.class);
            assertThat(classPath).as("%s has @Path", resource.getName()).isNotNull();
            for (Method method : resource.getMethods()) {
                String httpMethod = httpMethod(method);
                javax.ws.rs.Path methodPath = method.getAnnotation(javax.ws.rs.Path.class);
                if (httpMethod == null) {
                    assertThat(methodPath).as("sub-resource locator %s is not supported by this test", method).isNull();
                    continue;
                }
                Set<String> parameters = new TreeSet<>();
                String body = null;
                for (Parameter p : method.getParameters()) {
                    String param = parameterName(p);
                    if (param != null) {
                        parameters.add(param);
                    } else if (!p.isAnnotationPresent(Context.class)) {
                        // A raw body (an upload) is documented as binary content, not as a schema.
                        body = p.getType() == java.io.InputStream.class ? BINARY : schemaFor(p.getType());
                    }
                }
                String path = template(classPath.value(), methodPath == null ? null : methodPath.value());
                if (BINARY.equals(body) && RAW_JSON_BODIES.containsKey(httpMethod + " " + path)) body = RAW_JSON_BODIES.get(httpMethod + " " + path);
                Operation op = new Operation(httpMethod, path, parameters, body, returnSchema(method.getGenericReturnType()));
                assertThat(operations.put(op.key(), op)).as("%s is declared once", op.key()).isNull();
            }
        }
        return operations;
    }

    private static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) return http.value();
        }
        return null;
    }

    private static String parameterName(Parameter p) {
        if (p.isAnnotationPresent(PathParam.class)) return "path:" + p.getAnnotation(PathParam.class).value();
        if (p.isAnnotationPresent(QueryParam.class)) return "query:" + p.getAnnotation(QueryParam.class).value();
        if (p.isAnnotationPresent(HeaderParam.class)) return "header:" + p.getAnnotation(HeaderParam.class).value();
        if (p.isAnnotationPresent(CookieParam.class)) return "cookie:" + p.getAnnotation(CookieParam.class).value();
        assertThat(p.isAnnotationPresent(FormParam.class) || p.isAnnotationPresent(MatrixParam.class) || p.isAnnotationPresent(BeanParam.class))
                .as("form, matrix and bean parameters (%s) are not supported by this test", p).isFalse();
        return null;
    }

    /** Class and method {@code @Path} joined, with regular expressions dropped: {@code {id: \d+}} is {@code {id}}. */
    static String template(String classPath, String methodPath) {
        String joined = "/" + classPath + (methodPath == null ? "" : "/" + methodPath);
        joined = joined.replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** The schema a successful answer has, from the Java return type; null when it is a {@link Response} (checked by hand). */
    private static String returnSchema(Type type) {
        if (type == Response.class || type == void.class) return null;
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return "array of " + schemaFor((Class<?>) list.getActualTypeArguments()[0]);
        }
        return schemaFor((Class<?>) type);
    }

    private static String schemaFor(Class<?> type) {
        String name = SCHEMAS.get(type);
        return name != null ? name : "(no schema mapped for " + type.getName() + ")";
    }

    // ---------------------------------------------------------------- operations: document

    static Map<String, JsonNode> operationNodes(JsonNode document) {
        Map<String, JsonNode> nodes = new TreeMap<>();
        document.path("paths").fields().forEachRemaining(path -> {
            for (String m : HTTP_METHODS) {
                if (path.getValue().has(m)) nodes.put(m.toUpperCase() + " " + path.getKey(), path.getValue().get(m));
            }
        });
        return nodes;
    }

    static Map<String, Operation> documentedOperations(JsonNode document) {
        Map<String, Operation> operations = new TreeMap<>();
        document.path("paths").fields().forEachRemaining(path -> {
            JsonNode item = path.getValue();
            for (String m : HTTP_METHODS) {
                if (!item.has(m)) continue;
                JsonNode op = item.get(m);
                Set<String> parameters = new TreeSet<>();
                for (JsonNode list : List.of(item.path("parameters"), op.path("parameters"))) {
                    for (JsonNode p : list) {
                        JsonNode param = resolve(document, p);
                        parameters.add(param.path("in").asText() + ":" + param.path("name").asText());
                    }
                }
                JsonNode requestBody = resolve(document, op.path("requestBody"));
                String body = requestBody.isMissingNode() ? null
                        : requestBody.path("content").has("application/json")
                                ? schemaName(requestBody.path("content").path("application/json").path("schema"))
                                : binaryBody(requestBody.path("content"));
                JsonNode ok = resolve(document, op.path("responses").path("200"));
                String returns = ok.isMissingNode() ? null : schemaName(ok.path("content").path("application/json").path("schema"));
                Operation operation = new Operation(m.toUpperCase(), path.getKey(), parameters, body, returns);
                operations.put(operation.key(), operation);
            }
        });
        return operations;
    }

    static final String BINARY = "(binary)";

    /** Non-JSON bodies: every content type listed must be raw bytes ({@code format: binary}). */
    private static String binaryBody(JsonNode content) {
        if (content.size() == 0) return null;
        for (JsonNode type : content) {
            if (!"binary".equals(type.path("schema").path("format").asText())) return "(non-JSON body that is not binary)";
        }
        return BINARY;
    }

    private static String schemaName(JsonNode schema) {
        if (schema.has("$ref")) return schema.get("$ref").asText().replaceFirst("^#/components/schemas/", "");
        if ("array".equals(schema.path("type").asText())) return "array of " + schemaName(schema.path("items"));
        return schema.isMissingNode() ? null : "(inline schema)";
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        while (node.has("$ref")) node = document.at(node.get("$ref").asText().substring(1));
        return node;
    }

    // ---------------------------------------------------------------- comparators

    /** What differs between the code's operations and the document's; empty when they agree. */
    static List<String> compareOperations(Map<String, Operation> code, Map<String, Operation> documented) {
        List<String> problems = new ArrayList<>();
        for (Operation c : code.values()) {
            Operation d = documented.get(c.key());
            if (d == null) {
                problems.add("Not documented: " + c.key());
                continue;
            }
            if (!c.parameters().equals(d.parameters())) {
                problems.add(c.key() + ": the code has parameters " + c.parameters() + ", the document " + d.parameters());
            }
            if (!Objects.equals(c.body(), d.body())) {
                problems.add(c.key() + ": the code reads a body " + c.body() + ", the document " + d.body());
            }
            if (c.returns() != null && !c.returns().equals(d.returns())) {
                problems.add(c.key() + ": the code answers " + c.returns() + ", the document " + d.returns());
            }
        }
        for (String key : documented.keySet()) {
            if (!code.containsKey(key)) problems.add("Documented but not in the code: " + key);
        }
        return problems;
    }

    /** Each record's JSON property names against its schema's properties, and no schema without a source. */
    static List<String> schemaDifferences(JsonNode document) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Class<?>, String> e : SCHEMAS.entrySet()) {
            JsonNode schema = schema(document, e.getValue());
            if (schema.isMissingNode()) {
                problems.add("No schema " + e.getValue() + " for " + e.getKey().getSimpleName());
                continue;
            }
            Set<String> java = jsonProperties(e.getKey());
            Set<String> documented = fieldNames(schema.path("properties"));
            Set<String> missing = new TreeSet<>(java);
            missing.removeAll(documented);
            Set<String> extra = new TreeSet<>(documented);
            extra.removeAll(java);
            if (!missing.isEmpty()) {
                problems.add("Schema " + e.getValue() + " lacks the JSON properties " + missing + " of " + e.getKey().getSimpleName());
            }
            if (!extra.isEmpty()) {
                problems.add("Schema " + e.getValue() + " documents properties " + extra + " that " + e.getKey().getSimpleName() + " does not have");
            }
            Set<String> required = new TreeSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            required.removeAll(documented);
            if (!required.isEmpty()) problems.add("Schema " + e.getValue() + " requires undocumented properties " + required);
        }
        Set<String> known = new TreeSet<>(SCHEMAS.values());
        known.add(HEALTH_SCHEMA);
        for (String name : fieldNames(document.path("components").path("schemas"))) {
            if (!known.contains(name)) problems.add("Schema " + name + " documents no type of the code");
        }
        return problems;
    }

    /** The names Jackson writes for a record: its components, renamed by {@link JsonProperty} where present. */
    /** The properties Jackson really writes for the record (an extra getter such as {@code isEmpty()} would show up here). */
    static Set<String> jsonProperties(Class<?> type) {
        ObjectMapper mapper = new ObjectMapper();
        Set<String> names = new TreeSet<>();
        mapper.getSerializationConfig().introspect(mapper.constructType(type)).findProperties()
                .forEach(p -> names.add(p.getName()));
        return names;
    }

    /** A map answer (as {@link HealthResource} builds) against an object schema, nested maps included. */
    private static void compareMapToSchema(String where, Object value, JsonNode schema, List<String> problems) {
        if (!(value instanceof Map<?, ?> map)) return;
        Set<String> actual = map.keySet().stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = fieldNames(schema.path("properties"));
        if (!actual.equals(documented)) problems.add(where + ": the code answers " + actual + ", the document " + documented);
        for (Map.Entry<?, ?> e : map.entrySet()) {
            JsonNode property = resolve(doc, schema.path("properties").path(String.valueOf(e.getKey())));
            if (e.getValue() == null && !property.path("nullable").asBoolean(false) && !property.isMissingNode()) {
                problems.add(where + "." + e.getKey() + " can be null but is not nullable in the document");
            }
            compareMapToSchema(where + "." + e.getKey(), e.getValue(), property, problems);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static JsonNode schema(JsonNode document, String name) {
        return document.path("components").path("schemas").path(name);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> enumValues(JsonNode document, String schema, String property) {
        List<String> values = new ArrayList<>();
        schema(document, schema).path("properties").path(property).path("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("$ref")) refs.add(e.getValue().asText());
                else collectRefs(e.getValue(), refs);
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> collectRefs(child, refs));
        }
    }

    /** {@code socialdesk.repo.root} (set by the parent pom's surefire configuration), else up from the working folder. */
    static Path openApiFile() {
        String root = System.getProperty("socialdesk.repo.root");
        if (root != null && !root.isBlank()) {
            Path file = Paths.get(root, "docs", "openapi.yaml");
            if (Files.isRegularFile(file)) return file;
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("docs").resolve("openapi.yaml");
            if (Files.isRegularFile(file)) return file;
        }
        throw new IllegalStateException("docs/openapi.yaml not found from socialdesk.repo.root=" + root + " nor above " + Paths.get("").toAbsolutePath());
    }
}
