package io.socialdesk.channel.x;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialdesk.channel.http.Answer;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.channel.http.Outcomes;
import io.socialdesk.core.channel.Attachment;
import io.socialdesk.core.channel.Delivery;
import io.socialdesk.core.channel.Outcome;
import io.socialdesk.core.channel.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/**
 * A post's media on X, uploaded before the post: images (and GIFs) by the simple upload, videos by the
 * chunked one (initialize, append segments, finalize, then wait while X processes them), alt text by
 * the media metadata call. Every media id is recorded through {@link Progress} as soon as X gives it, so
 * a later attempt reuses it instead of uploading again (X keeps an unused upload for a day).
 */
final class XMedia {
    static final int MAX_MEDIA = 4;
    static final int MAX_ALT_TEXT = 1000;
    static final int MAX_SEGMENTS = 1000;
    /** Waiting for X to process a video is bounded; past this the delivery is retried later and resumes polling. */
    static final Duration MAX_PROCESSING_WAIT = Duration.ofMinutes(3);
    static final int MAX_STATUS_POLLS = 30;
    /** Media types the chunked upload accepts ({@code InitializeMediaUploadRequest.media_type}). */
    static final Set<String> VIDEO_TYPES = Set.of("video/mp4", "video/webm", "video/mp2t", "video/quicktime");
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final MediaType OCTETS = MediaType.get("application/octet-stream");

    /** Waits between processing checks; tests pass one that only records. */
    @FunctionalInterface
    interface Sleeper {
        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    private final XApi api;
    private final Sleeper sleeper;
    private final int chunkBytes;

    XMedia(XApi api, Sleeper sleeper, int chunkBytes) {
        this.api = api;
        this.sleeper = sleeper;
        this.chunkBytes = chunkBytes;
    }

    static String key(int index) {
        return "media." + index;
    }

    /** Checks what X would refuse anyway, before anything is uploaded. */
    static void check(List<Attachment> media) {
        if (media.size() > MAX_MEDIA) {
            throw stop("too-many-media", "X takes at most " + MAX_MEDIA + " media per post; this part has " + media.size());
        }
        for (Attachment attachment : media) {
            int altLength = attachment.altText().codePointCount(0, attachment.altText().length());
            if (altLength > MAX_ALT_TEXT) {
                throw stop("alt-text-too-long", "X takes alt text of at most " + MAX_ALT_TEXT + " characters; one has " + altLength);
            }
            String type = attachment.mediaType().toLowerCase(Locale.ROOT);
            if (!type.startsWith("image/") && !VIDEO_TYPES.contains(type)) {
                throw stop("media-type", "X does not take " + attachment.mediaType() + " files");
            }
        }
    }

    /** The media ids for the post, in order: reused from earlier attempts where still valid, uploaded otherwise. */
    List<String> prepare(XApi.Session session, Delivery delivery, Progress progress) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < delivery.media().size(); i++) {
            Attachment attachment = delivery.media().get(i);
            String id = reusable(delivery, i);
            if (id == null) {
                id = upload(session, attachment, i, progress);
            } else if ("pending".equals(delivery.progress(key(i) + ".state"))) {
                JsonNode info = status(session, id);
                waitUntilProcessed(session, id, info, i, progress);
            }
            if (!attachment.altText().isBlank() && !id.equals(delivery.progress(key(i) + ".alt"))) {
                describe(session, id, attachment.altText());
                progress.record(key(i) + ".alt", id);
            }
            ids.add(id);
        }
        return ids;
    }

    /** An id an earlier attempt recorded that X still holds (with ten minutes to spare), or null. */
    private String reusable(Delivery delivery, int index) {
        String id = delivery.progress(key(index));
        if (id == null || !XApi.ID.matcher(id).matches() || "failed".equals(delivery.progress(key(index) + ".state"))) {
            return null;
        }
        String expires = delivery.progress(key(index) + ".expires");
        if (expires != null) {
            try {
                if (!Instant.parse(expires).isAfter(api.now().plus(Duration.ofMinutes(10)))) {
                    return null;
                }
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return id;
    }

    private String upload(XApi.Session session, Attachment attachment, int index, Progress progress) {
        String type = attachment.mediaType().toLowerCase(Locale.ROOT);
        JsonNode data = VIDEO_TYPES.contains(type) ? chunked(session, attachment, type) : simple(session, attachment, type);
        String id = Json.id(data, "id");
        if (id == null) {
            throw stop("malformed-answer", "X's answer to the media upload had no usable media id");
        }
        progress.record(key(index), id);
        Long expiresIn = Json.number(data, "expires_after_secs");
        if (expiresIn != null) {
            progress.record(key(index) + ".expires", api.now().plusSeconds(expiresIn).toString());
        }
        JsonNode info = data.path("processing_info");
        if (processing(info)) {
            progress.record(key(index) + ".state", "pending");
            waitUntilProcessed(session, id, info, index, progress);
        }
        return id;
    }

    /** {@code POST /2/media/upload}, multipart: {@code media} and {@code media_category}. */
    private JsonNode simple(XApi.Session session, Attachment attachment, String type) {
        byte[] bytes = read(attachment);
        RequestBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("media", "media", RequestBody.create(bytes, MediaType.parse(type)))
                .addFormDataPart("media_category", type.equals("image/gif") ? "tweet_gif" : "tweet_image")
                .build();
        HttpUrl url = api.url("2/media/upload").build();
        return data(api.send(session, token -> XApi.bearer(url, token).post(body).build()), "the image upload");
    }

    /** Initialize, append in segments read one at a time from storage, finalize. */
    private JsonNode chunked(XApi.Session session, Attachment attachment, String type) {
        ObjectNode init = HttpCalls.JSON.createObjectNode();
        init.put("media_type", type).put("total_bytes", attachment.size()).put("media_category", "tweet_video");
        RequestBody initBody = RequestBody.create(init.toString(), JSON);
        HttpUrl initUrl = api.url("2/media/upload/initialize").build();
        String id = Json.id(data(api.send(session, token -> XApi.bearer(initUrl, token).post(initBody).build()), "the video upload"), "id");
        if (id == null) {
            throw stop("malformed-answer", "X's answer to the video upload had no usable media id");
        }
        HttpUrl appendUrl = api.url("2/media/upload").addPathSegment(id).addPathSegment("append").build();
        try (InputStream in = attachment.bytes().open()) {
            int segment = 0;
            for (byte[] chunk = in.readNBytes(chunkBytes); chunk.length > 0; chunk = in.readNBytes(chunkBytes)) {
                if (segment >= MAX_SEGMENTS) {
                    throw stop("media-too-large", "The video is too large for X's chunked upload");
                }
                RequestBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
                        .addFormDataPart("media", "media", RequestBody.create(chunk, OCTETS))
                        .addFormDataPart("segment_index", Integer.toString(segment))
                        .build();
                Answer appended = api.send(session, token -> XApi.bearer(appendUrl, token).post(body).build());
                if (!appended.ok()) {
                    throw new XApi.Stop(failure(appended));
                }
                segment++;
            }
        } catch (IOException e) {
            throw stop("media-unreadable", "The video could not be read from storage");
        }
        HttpUrl finalizeUrl = api.url("2/media/upload").addPathSegment(id).addPathSegment("finalize").build();
        RequestBody empty = RequestBody.create(new byte[0], null);
        JsonNode data = data(api.send(session, token -> XApi.bearer(finalizeUrl, token).post(empty).build()), "the video upload");
        if (Json.id(data, "id") == null && data instanceof ObjectNode object) {
            object.put("id", id); // the id is the upload's; an answer that leaves it out still names the same media
        }
        return data;
    }

    private static boolean processing(JsonNode info) {
        String state = Json.string(info, "state");
        return state != null && !state.equalsIgnoreCase("succeeded");
    }

    /**
     * Polls {@code GET /2/media/upload?command=STATUS} as often as X's {@code check_after_secs} says (1 to 60
     * seconds), for at most {@link #MAX_PROCESSING_WAIT}; then the delivery is retried later and resumes here.
     */
    private void waitUntilProcessed(XApi.Session session, String id, JsonNode info, int index, Progress progress) {
        Duration waited = Duration.ZERO;
        int polls = 0;
        while (processing(info)) {
            String state = Json.string(info, "state").toLowerCase(Locale.ROOT);
            if (state.equals("failed")) {
                progress.record(key(index) + ".state", "failed");
                String why = XProblems.sentence(Json.string(info, "error", "message"));
                throw stop("media-rejected", "X could not process the media" + (why == null ? "" : ": " + why));
            }
            Long after = Json.number(info, "check_after_secs");
            Duration wait = Duration.ofSeconds(Math.max(1, Math.min(60, after == null ? 5 : after)));
            if (polls >= MAX_STATUS_POLLS || waited.plus(wait).compareTo(MAX_PROCESSING_WAIT) > 0) {
                throw new XApi.Stop(new Outcome.RetryLater(api.now().plus(wait), "X is still processing the video"));
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new XApi.Stop(new Outcome.RetryLater(api.now().plus(wait), "Waiting for X to process the video was interrupted"));
            }
            waited = waited.plus(wait);
            polls++;
            info = status(session, id);
        }
        progress.record(key(index) + ".state", "ready");
    }

    private JsonNode status(XApi.Session session, String id) {
        HttpUrl url = api.url("2/media/upload").addQueryParameter("media_id", id).addQueryParameter("command", "STATUS").build();
        return data(api.send(session, token -> XApi.bearer(url, token).get().build()), "the media status").path("processing_info");
    }

    /** {@code POST /2/media/metadata} with {@code {"id", "metadata": {"alt_text": {"text"}}}} (names from the spec; live behaviour [U]). */
    private void describe(XApi.Session session, String id, String altText) {
        ObjectNode body = HttpCalls.JSON.createObjectNode();
        body.put("id", id);
        body.putObject("metadata").putObject("alt_text").put("text", altText);
        RequestBody request = RequestBody.create(body.toString(), JSON);
        HttpUrl url = api.url("2/media/metadata").build();
        data(api.send(session, token -> XApi.bearer(url, token).post(request).build()), "the alt text");
    }

    /** The {@code data} object of a successful answer, or a stop that says what went wrong. */
    private JsonNode data(Answer answer, String what) {
        if (!answer.ok()) {
            throw new XApi.Stop(failure(answer));
        }
        if (!answer.isJson()) {
            throw new XApi.Stop(new Outcome.RetryLater(api.now().plus(Outcomes.SERVER_ERROR_BACKOFF),
                    "X answered " + what + " with a body that is not JSON"));
        }
        JsonNode data = answer.json().path("data");
        if (!data.isObject()) {
            String said = XProblems.of(answer.json()).map(XProblems.Problem::sentence).orElse(null);
            throw stop("media-refused", "X did not accept " + what + (said == null ? "" : ": " + said));
        }
        return data;
    }

    private Outcome failure(Answer answer) {
        return XProblems.failure(answer, false, false, api.hold(answer), api.now());
    }

    private static byte[] read(Attachment attachment) {
        try {
            return attachment.readAll();
        } catch (IOException e) {
            throw stop("media-unreadable", "The image could not be read from storage");
        }
    }

    private static XApi.Stop stop(String code, String reason) {
        return new XApi.Stop(new Outcome.Failed(code, reason));
    }
}
