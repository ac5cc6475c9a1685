package io.socialdesk.server.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import io.socialdesk.web.rest.RestApi;
import java.util.EnumSet;
import java.util.List;
import javax.servlet.DispatcherType;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The HTTP side of the server: Jetty with two Jersey applications, the REST API at
 * {@value RestApi#BASE_PATH} (the very resources Jira registers) and the pages at {@code /}, plus
 * the shared static assets under {@code /static/}.
 */
public final class SocialDeskServer implements AutoCloseable {
    private final Server jetty;
    private final ServerConnector connector;

    /**
     * @param restResources resource and provider instances of the REST API
     * @param pageResources resource and provider instances of the pages
     */
    public SocialDeskServer(String host, int port, AuthFilter authFilter, List<Object> restResources, List<Object> pageResources) {
        jetty = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // Behind a TLS-terminating proxy, X-Forwarded-Proto makes request.isSecure() true, so cookies get Secure.
        http.addCustomizer(new ForwardedRequestCustomizer());
        connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        jetty.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        context.addFilter(new FilterHolder(authFilter), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder("rest", new ServletContainer(restApplication(restResources))), RestApi.BASE_PATH + "/*");
        context.addServlet(new ServletHolder("static", new StaticAssets()), "/static/*");
        context.addServlet(new ServletHolder("pages", new ServletContainer(application(pageResources))), "/*");
        context.setErrorHandler(new PlainErrorHandler());
        jetty.setHandler(context);
        jetty.setErrorHandler(new PlainErrorHandler());
        jetty.setStopAtShutdown(false);
    }

    private static ResourceConfig restApplication(List<Object> resources) {
        ObjectMapper json = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        ResourceConfig config = application(resources);
        config.register(new JacksonJsonProvider(json));
        return config;
    }

    private static ResourceConfig application(List<Object> resources) {
        ResourceConfig config = new ResourceConfig();
        resources.forEach(config::register);
        // Errors are answered by our mappers; Jersey must not write its own HTML or traces.
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        config.property(ServerProperties.PROCESSING_RESPONSE_ERRORS_ENABLED, true);
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        return config;
    }

    public void start() throws Exception {
        jetty.start();
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String url() {
        String host = connector.getHost();
        String shown = host == null || host.equals("0.0.0.0") || host.equals("127.0.0.1") ? "localhost" : host;
        return "http://" + shown + ":" + port() + "/";
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }

    /** Jetty's own errors (before Jersey is reached) as a short JSON body with no stack trace. */
    static final class PlainErrorHandler extends ErrorHandler {
        PlainErrorHandler() {
            setShowStacks(false);
            setShowServlet(false);
            setShowMessageInTitle(false);
        }

        @Override
        protected void generateAcceptableResponse(org.eclipse.jetty.server.Request baseRequest,
                javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response, int code,
                String message) throws java.io.IOException {
            baseRequest.setHandled(true);
            response.setContentType("application/json;charset=UTF-8");
            String text = code == 404 ? "No such resource" : code >= 500 ? "Something went wrong on our side" : "The request was refused";
            response.getWriter().write("{\"error\":\"" + text + "\"}");
        }
    }
}
