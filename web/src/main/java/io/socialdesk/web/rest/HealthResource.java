package io.socialdesk.web.rest;

import io.socialdesk.core.health.Health;
import io.socialdesk.core.health.HealthService;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.inject.Inject;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** {@code /health}: the version, the database state and the scheduler's last heartbeat. 503 when the database is down. */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    private final HealthService health;

    @Inject
    public HealthResource(HealthService health) {
        this.health = health;
    }

    @GET
    public Response get() {
        Health report = health.check();
        Map<String, Object> database = new LinkedHashMap<>();
        database.put("state", report.database().up() ? "up" : "down");
        database.put("product", report.database().product());
        database.put("detail", report.database().detail());
        Map<String, Object> scheduler = new LinkedHashMap<>();
        scheduler.put("lastHeartbeat", report.lastHeartbeat().map(run -> run.at().toString()).orElse(null));
        scheduler.put("node", report.lastHeartbeat().map(run -> run.node()).orElse(null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", report.up() ? "up" : "down");
        body.put("version", report.version());
        body.put("database", database);
        body.put("scheduler", scheduler);
        return Response.status(report.up() ? 200 : 503).entity(body).build();
    }
}
