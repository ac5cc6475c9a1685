package io.socialdesk.channel.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The connectors' one way to call a network. The client never retries on its own
 * ({@code retryOnConnectionFailure(false)}) and never follows redirects, so one call is at most one
 * request; names resolve through the {@link AddressPolicy}. Bodies are read up to a cap, and nothing
 * is thrown: every failure becomes an {@link Answer} that says whether the request may have arrived.
 * Request and response bodies are never logged here, so tokens cannot leak through this class.
 */
public final class HttpCalls {
    /** More than any network's JSON answer needs; a hostile server cannot make us read more. */
    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final OkHttpClient client;
    private final Supplier<AddressPolicy> policy;

    public HttpCalls(AddressPolicy policy) {
        this(() -> policy);
    }

    /** {@code policy} is asked at each connection, so an admin's change applies without a restart (Jira's setting). */
    public HttpCalls(Supplier<AddressPolicy> policy) {
        this(policy, Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    public HttpCalls(AddressPolicy policy, Duration connectTimeout, Duration readTimeout) {
        this(() -> policy, connectTimeout, readTimeout);
    }

    public HttpCalls(Supplier<AddressPolicy> policy, Duration connectTimeout, Duration readTimeout) {
        this.policy = policy;
        this.client = new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .dns(new GuardedDns(policy))
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .writeTimeout(readTimeout)
                .callTimeout(readTimeout.multipliedBy(3))
                .build();
    }

    public AddressPolicy policy() {
        return policy.get();
    }

    /** Sends {@code request} once and reads the answer. */
    public Answer send(Request request) {
        Call call = client.newCall(request);
        try (Response response = call.execute()) {
            String body = read(response.body());
            return new Answer(response.code(), response.headers().toMultimap(), body, parse(body), Answer.Transport.COMPLETE, null);
        } catch (UnknownHostException | ConnectException | NoRouteToHostException | SSLHandshakeException e) {
            return Answer.failed(Answer.Transport.NOT_SENT, "could not reach " + request.url().host() + ": " + describe(e));
        } catch (InterruptedIOException e) {
            return Answer.failed(Answer.Transport.MAYBE_SENT, "no answer from " + request.url().host() + " in time");
        } catch (IOException e) {
            return Answer.failed(Answer.Transport.MAYBE_SENT, "the connection to " + request.url().host() + " broke: " + describe(e));
        } catch (RuntimeException e) {
            // OkHttp reports some protocol errors (an invalid header from a hostile server) unchecked.
            return Answer.failed(Answer.Transport.MAYBE_SENT, "the answer of " + request.url().host() + " could not be read");
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static String read(ResponseBody body) throws IOException {
        if (body == null) {
            return "";
        }
        try (InputStream in = body.byteStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The body as JSON, or a missing node when it is not JSON (an HTML page, a truncated or capped body). */
    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }
}
