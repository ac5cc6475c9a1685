package io.socialdesk.web.rest;

import io.socialdesk.core.post.Media;
import io.socialdesk.core.post.MediaStore;
import io.socialdesk.core.post.MediaTypes;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.problem.NotFoundException;
import io.socialdesk.core.user.CurrentUser;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import javax.inject.Inject;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;

/**
 * {@code /media}: upload an image or video as the raw request body, and read it back by its
 * SHA-256. Posts then refer to it by that hash. Every host registers this same class.
 */
@Path("/media")
public class MediaResource {
    /** Whoever may edit a post in some state may attach a file to it; support agents only read. */
    private static final Set<Role> UPLOADERS = EnumSet.of(Role.MARKETING_AUTHOR, Role.MARKETING_LEAD, Role.LEGAL, Role.HR, Role.ADMIN);

    private final MediaStore media;
    private final CurrentUser currentUser;

    /** What an upload answers: where the file is now (its hash), and what it turned out to be. */
    public record UploadedJson(String sha256, String mimeType, long bytes, String fileName) {
        static UploadedJson of(Media m) {
            return new UploadedJson(m.sha256(), m.mimeType(), m.bytes(), m.fileName());
        }
    }

    @Inject
    public MediaResource(MediaStore media, CurrentUser currentUser) {
        this.media = media;
        this.currentUser = currentUser;
    }

    /**
     * Stores the body. The type is read from the bytes; the Content-Type only has to agree with
     * them. The same bytes twice are stored once and answer the same hash.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(InputStream body, @QueryParam("fileName") String fileName, @Context HttpHeaders headers, @Context UriInfo uri)
            throws IOException {
        User user = currentUser.require();
        if (UPLOADERS.stream().noneMatch(user::has)) {
            throw new NotAllowedException("Only people who write or review posts upload media");
        }
        MediaType declared = headers.getMediaType();
        Media stored = media.put(body, declared == null ? null : declared.getType() + "/" + declared.getSubtype(), fileName);
        URI location = uri.getAbsolutePathBuilder().path(stored.sha256()).build();
        return Response.created(location).type(MediaType.APPLICATION_JSON_TYPE).entity(UploadedJson.of(stored)).build();
    }

    /**
     * The bytes with their type. Browsers are told not to guess another type, and only images are
     * shown in the page: anything else downloads.
     */
    @GET
    @Path("/{sha256}")
    @Produces(MediaType.WILDCARD)
    public Response get(@PathParam("sha256") String sha256) {
        currentUser.require();
        String hash = sha256 == null ? "" : sha256.strip().toLowerCase(Locale.ROOT);
        Media found = media.find(hash).orElseThrow(() -> new NotFoundException("No uploaded file has this SHA-256"));
        StreamingOutput bytes = out -> {
            try (InputStream in = media.open(found.sha256())) {
                in.transferTo(out);
            }
        };
        return Response.ok(bytes, found.mimeType())
                .header("Content-Length", found.bytes())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", disposition(found))
                // The hash names these bytes forever.
                .header("Cache-Control", "private, max-age=31536000, immutable")
                .build();
    }

    static String disposition(Media m) {
        String name = m.fileName().isEmpty() ? m.sha256() : MediaTypes.cleanFileName(m.fileName());
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        return (m.isImage() ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
