package io.socialdesk.core.post;

import io.socialdesk.core.account.Network;
import io.socialdesk.core.approval.Action;
import io.socialdesk.core.approval.Actor;
import io.socialdesk.core.approval.Approvals;
import io.socialdesk.core.approval.ContentHash;
import io.socialdesk.core.approval.ContentVersions;
import io.socialdesk.core.approval.PostWorkflow;
import io.socialdesk.core.approval.ReviewNotices;
import io.socialdesk.core.approval.Transition;
import io.socialdesk.core.audit.AuditEvent;
import io.socialdesk.core.audit.AuditKind;
import io.socialdesk.core.audit.AuditTrail;
import io.socialdesk.core.problem.ConflictException;
import io.socialdesk.core.problem.FieldProblem;
import io.socialdesk.core.problem.InvalidInputException;
import io.socialdesk.core.problem.NotAllowedException;
import io.socialdesk.core.problem.NotFoundException;
import io.socialdesk.core.tracker.IssueTracker;
import io.socialdesk.core.tracker.ItemKind;
import io.socialdesk.core.tracker.TrackedItem;
import io.socialdesk.core.user.Role;
import io.socialdesk.core.user.User;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Creates, edits and reads posts. Every host calls this; none validates on its own. */
public final class PostService {
    public static final int MAX_TITLE_LENGTH = 255;
    /** The master text is not a network's limit (those are checked per network) but a guard on storage. */
    public static final int MAX_TEXT_LENGTH = 20_000;
    public static final int MAX_THREAD_PARTS = 25;
    public static final int MAX_ACCOUNTS = 50;
    public static final int MAX_SHORT_FIELD = 100;
    /**
     * Alt text ceiling: what every network takes. X's media metadata and Threads' {@code alt_text}
     * allow 1000 characters, Mastodon's default {@code description_limit} is 1500, Bluesky's lexicon
     * sets none (reference/data/x/openapi.json, reference/networks.md, reference/data/mastodon/openapi.json).
     */
    public static final int MAX_ALT_TEXT = 1000;
    public static final int MAX_IMAGES = 4;
    public static final int MAX_VIDEOS = 1;

    private static final Set<Role> AUTHORS = EnumSet.of(Role.MARKETING_AUTHOR, Role.MARKETING_LEAD, Role.ADMIN);

    /** Marketing authors, marketing leads and admins write and plan posts (the calendar offers them drag and drop). */
    public static boolean mayAuthor(User user) {
        return AUTHORS.stream().anyMatch(user::has);
    }
    private static final Pattern HASHTAG = Pattern.compile("#?[\\p{L}\\p{N}_]{1,100}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private final PostStore store;
    private final MediaStore media;
    private final IssueTracker tracker;
    private final AuditTrail trail;
    private final ContentVersions versions;
    private final ReviewNotices notices;
    private final Clock clock;

    public PostService(PostStore store, MediaStore media, IssueTracker tracker, AuditTrail trail, ContentVersions versions, ReviewNotices notices,
            Clock clock) {
        this.store = store;
        this.media = media;
        this.tracker = tracker;
        this.trail = trail;
        this.versions = versions;
        this.notices = notices;
        this.clock = clock;
    }

    /** Checks every field, opens the tracked item, then stores the post as a draft. */
    public Post create(NewPost request, User author) {
        if (!mayAuthor(author)) {
            throw new NotAllowedException("Only marketing authors, marketing leads and admins create posts");
        }
        Fields fields = read(request, Optional.empty());
        TrackedItem item = tracker.open(ItemKind.SOCIAL_POST, fields.title(), author);
        Post post = store.create(item, fields.title(), fields.content(), fields.planned(), PostState.DRAFT, author.key(), clock.instant());
        String hash = versions.save(post.id(), post.content());
        trail.append(AuditEvent.of(post.id(), post.createdAt(), author.key(), AuditKind.CREATED, "version 1").withHash(hash)
                .withStates(PostState.DRAFT, PostState.DRAFT));
        return post;
    }

    /**
     * Saves a new version of the whole post. Refused with a conflict, and nothing written, when the
     * editor's version is not the stored one: someone else saved in between.
     */
    public Post edit(long id, PostEdit edit, User editor) {
        Post current = get(id);
        if (edit.version() == null) {
            throw new InvalidInputException("version", "required", "Send the version you edited (from the post you read)");
        }
        if (edit.version() != current.version()) {
            throw stale(current);
        }
        List<AuditEvent> history = trail.list(id);
        boolean isAuthor = Approvals.authors(current.authorKey(), history).contains(editor.key());
        // Who may edit, and where an edit leads (an approved post goes back to review), is the workflow's to say.
        Transition edited = PostWorkflow.get().require(current.state(), Action.EDIT, Actor.of(editor), isAuthor);
        Fields fields = read(edit.fields(), Optional.of(current.planned()));
        Post saved = store.update(id, current.version(), fields.title(), fields.content(), fields.planned(), edited.to(), editor.key(),
                clock.instant()).orElseThrow(() -> stale(get(id)));
        String hash = versions.save(id, saved.content());
        boolean contentChanged = !hash.equals(ContentHash.of(current.content()));
        trail.append(AuditEvent.of(id, saved.updatedAt(), editor.key(), AuditKind.EDITED, "version " + saved.version()
                + (contentChanged ? "" : " (title or time only)")).withHash(hash).withStates(current.state(), saved.state()));
        if (saved.state() != current.state()) tracker.moved(saved.item(), current.state(), saved.state(), editor.key());
        if (contentChanged && saved.state() == PostState.IN_REVIEW) notices.askReview(saved, trail.list(id), editor.key());
        return saved;
    }

    /**
     * Reads a planned time as the author wrote it (local date-time + IANA zone), or refuses naming
     * the field and the rule: a missing value, an unknown zone, a time the clocks skip, a time that
     * has passed.
     */
    public static PlannedTime plannedTime(String plannedAt, String zone, Clock clock) {
        List<FieldProblem> problems = new ArrayList<>();
        PlannedTime planned = plannedTime(new NewPost(null, null, plannedAt, zone), problems);
        if (planned != null && planned.instant().isBefore(clock.instant())) {
            problems.add(pastProblem(planned));
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        return planned;
    }

    private static FieldProblem pastProblem(PlannedTime planned) {
        return new FieldProblem("plannedAt", "in-the-past", "The planned time " + planned.local() + " " + planned.zone() + " has already passed");
    }

    public Post get(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("No post with id " + id));
    }

    public Optional<Post> findByItem(long itemId) {
        return store.findByItem(itemId);
    }

    public List<Post> list(PostQuery query) {
        return store.list(query);
    }

    /** The 409 for an edit or action on a version that is no longer current, carrying the current post. */
    public static ConflictException stale(Post current) {
        return new ConflictException("version", "stale-version", "Someone else saved this post first (now version "
                + current.version() + ", by " + current.updatedBy() + "); nothing was overwritten. Reload and apply your change again.",
                current);
    }

    private record Fields(String title, PostContent content, PlannedTime planned) {}

    /** Reads every field, collecting every problem before refusing, so the author fixes them in one go. */
    private Fields read(NewPost request, Optional<PlannedTime> unchangedIfSame) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = requiredText("title", request.title(), MAX_TITLE_LENGTH, problems);
        String text = requiredText("text", request.text(), MAX_TEXT_LENGTH, problems);
        Map<Network, String> variants = variants(request.variants(), problems);
        List<String> thread = thread(request.thread(), problems);
        Optional<String> firstComment = optionalText("firstComment", request.firstComment(), MAX_TEXT_LENGTH, problems);
        if (!thread.isEmpty() && firstComment.isPresent()) {
            problems.add(new FieldProblem("firstComment", "thread-or-first-comment",
                    "A post has either follow-up parts (a thread) or a first comment, not both"));
        }
        List<String> hashtags = hashtags(request.hashtags(), problems);
        Utm utm = request.utm() == null ? Utm.NONE : new Utm(
                optionalText("utm.medium", request.utm().medium(), MAX_SHORT_FIELD, problems).orElse(""),
                optionalText("utm.campaign", request.utm().campaign(), MAX_SHORT_FIELD, problems).orElse(""),
                optionalText("utm.content", request.utm().content(), MAX_SHORT_FIELD, problems).orElse(""));
        String campaign = optionalText("campaign", request.campaign(), MAX_SHORT_FIELD, problems).orElse("");
        String language = optionalText("language", request.language(), MAX_SHORT_FIELD, problems).orElse("").toLowerCase(Locale.ROOT);
        if (!language.isEmpty() && !LANGUAGE.matcher(language).matches()) {
            problems.add(new FieldProblem("language", "language-tag", "The language must be a tag such as en, fr or pt-br"));
        }
        List<Long> accountIds = accountIds(request.accountIds(), problems);
        List<Media> attached = media(request.media(), problems);
        PlannedTime planned = plannedTime(request, problems);
        if (planned != null && planned.instant().isBefore(clock.instant()) && !unchangedIfSame.equals(Optional.of(planned))) {
            problems.add(pastProblem(planned));
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        PostContent content = new PostContent(text, variants, attached, thread, firstComment, hashtags, utm, campaign, language, accountIds);
        return new Fields(title, content, planned);
    }

    private static String requiredText(String field, String value, int maxLength, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "required", "The " + field + " is required"));
            return null;
        }
        return checkedText(field, field.equals("title") ? value.strip() : value, maxLength, problems);
    }

    private static Optional<String> optionalText(String field, String value, int maxLength, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) return Optional.empty();
        return Optional.ofNullable(checkedText(field, value.strip(), maxLength, problems));
    }

    private static String checkedText(String field, String value, int maxLength, List<FieldProblem> problems) {
        if (!isWellFormed(value)) {
            problems.add(new FieldProblem(field, "malformed-unicode",
                    "The " + field + " contains a broken character (a lone UTF-16 surrogate or a NUL)"));
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length > maxLength) {
            problems.add(new FieldProblem(field, "max-length",
                    "The " + field + " has " + length + " characters; at most " + maxLength + " are allowed"));
            return null;
        }
        return value;
    }

    /** Lone surrogates cannot be stored or sent to any network; NUL breaks PostgreSQL text columns. */
    static boolean isWellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) return false;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static Map<Network, String> variants(Map<String, String> raw, List<FieldProblem> problems) {
        Map<Network, String> variants = new EnumMap<>(Network.class);
        if (raw == null) return variants;
        raw.forEach((name, text) -> {
            String field = "variants." + name;
            Network network;
            try {
                network = Network.valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(field, "known-network", "Unknown network '" + name + "': use one of "
                        + java.util.Arrays.toString(Network.values())));
                return;
            }
            // An empty variant means "use the master text".
            if (text == null || text.isBlank()) return;
            String checked = checkedText(field, text, MAX_TEXT_LENGTH, problems);
            if (checked != null) variants.put(network, checked);
        });
        return variants;
    }

    private static List<String> thread(List<String> raw, List<FieldProblem> problems) {
        if (raw == null) return List.of();
        if (raw.size() > MAX_THREAD_PARTS) {
            problems.add(new FieldProblem("thread", "max-parts", "A thread has at most " + MAX_THREAD_PARTS + " follow-up parts"));
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String part = requiredText("thread[" + i + "]", raw.get(i), MAX_TEXT_LENGTH, problems);
            if (part != null) parts.add(part);
        }
        return parts;
    }

    private static List<String> hashtags(List<String> raw, List<FieldProblem> problems) {
        if (raw == null) return List.of();
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String tag = raw.get(i) == null ? "" : raw.get(i).strip();
            if (!HASHTAG.matcher(tag).matches()) {
                problems.add(new FieldProblem("hashtags[" + i + "]", "hashtag-format",
                        "A hashtag is letters, digits and underscores, such as #launch"));
            } else {
                tags.add(tag.startsWith("#") ? tag.substring(1) : tag);
            }
        }
        return List.copyOf(tags);
    }

    private static List<Long> accountIds(List<Long> raw, List<FieldProblem> problems) {
        if (raw == null) return List.of();
        Set<Long> ids = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            Long id = raw.get(i);
            if (id == null || id < 1) {
                problems.add(new FieldProblem("accountIds[" + i + "]", "positive-integer", "An account id is a positive whole number"));
            } else {
                ids.add(id);
            }
        }
        if (ids.size() > MAX_ACCOUNTS) {
            problems.add(new FieldProblem("accountIds", "max-accounts", "A post targets at most " + MAX_ACCOUNTS + " accounts"));
        }
        return List.copyOf(ids);
    }

    /**
     * Resolves each reference to an uploaded file. Images need alt text (people using screen
     * readers hear it; Bluesky refuses images without it); a post carries up to four images or one
     * video, never both: what X, Bluesky, Mastodon and Threads all take. Networks with lower limits
     * are checked when the post is validated for them.
     */
    private List<Media> media(List<MediaRef> raw, List<FieldProblem> problems) {
        if (raw == null) return List.of();
        if (raw.size() > MAX_IMAGES) {
            problems.add(countProblem(raw.size() + " files"));
            return List.of();
        }
        List<Media> found = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            MediaRef ref = raw.get(i);
            String field = "media[" + i + "]";
            String sha256 = ref == null || ref.sha256() == null ? "" : ref.sha256().strip().toLowerCase(Locale.ROOT);
            Optional<Media> stored = MediaTypes.isSha256(sha256) ? media.find(sha256) : Optional.empty();
            if (stored.isEmpty()) {
                problems.add(new FieldProblem(field + ".sha256", "known-media",
                        "No uploaded file has the SHA-256 '" + (sha256.length() > 64 ? sha256.substring(0, 64) + "…" : sha256) + "': upload it first"));
                continue;
            }
            String altText = optionalText(field + ".altText", ref.altText(), MAX_ALT_TEXT, problems).orElse("");
            Media m = stored.get();
            if (m.isImage() && (ref.altText() == null || ref.altText().isBlank())) {
                problems.add(new FieldProblem(field + ".altText", "alt-text-required",
                        "Describe image " + (i + 1) + " for people who cannot see it (alt text is required for images)"));
            }
            found.add(new Media(m.sha256(), m.mimeType(), m.bytes(), altText, m.fileName()));
        }
        long images = found.stream().filter(Media::isImage).count();
        long videos = found.stream().filter(Media::isVideo).count();
        if (images > 0 && videos > 0) {
            problems.add(new FieldProblem("media", "media-mix", "A post carries images or a video, not both"));
        } else if (videos > MAX_VIDEOS) {
            problems.add(countProblem(videos + " videos"));
        }
        return found;
    }

    private static FieldProblem countProblem(String has) {
        return new FieldProblem("media", "media-count", "A post carries at most " + MAX_IMAGES + " images or " + MAX_VIDEOS + " video; this one has " + has);
    }

    private static PlannedTime plannedTime(NewPost request, List<FieldProblem> problems) {
        ZoneId zone = null;
        if (request.zone() == null || request.zone().isBlank()) {
            problems.add(new FieldProblem("zone", "required", "The time zone is required, e.g. Europe/Paris"));
        } else {
            try {
                zone = ZoneId.of(request.zone().strip());
            } catch (DateTimeException e) {
                problems.add(new FieldProblem("zone", "iana-zone",
                        "The time zone must be an IANA zone id such as Europe/Paris"));
            }
        }
        LocalDateTime local = null;
        if (request.plannedAt() == null || request.plannedAt().isBlank()) {
            problems.add(new FieldProblem("plannedAt", "required", "The planned time is required, e.g. 2026-12-01T09:00"));
        } else {
            try {
                local = LocalDateTime.parse(request.plannedAt().strip());
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("plannedAt", "local-date-time",
                        "The planned time must be a local date and time such as 2026-12-01T09:00"));
            }
        }
        if (zone == null || local == null) return null;
        PlannedTime planned = new PlannedTime(local, zone);
        if (planned.isInGap()) {
            problems.add(new FieldProblem("plannedAt", "nonexistent-local-time",
                    local + " does not exist in " + zone + ": the clocks skip that hour"));
            return null;
        }
        return planned;
    }
}
