package io.socialdesk.server;

import io.socialdesk.core.account.AccountHealthJob;
import io.socialdesk.core.account.AccountSettings;
import io.socialdesk.core.account.AccountStore;
import io.socialdesk.core.account.Network;
import io.socialdesk.core.channel.Channel;
import io.socialdesk.channel.ChannelDirectory;
import io.socialdesk.channel.http.AddressPolicy;
import io.socialdesk.channel.http.HttpCalls;
import io.socialdesk.core.health.HealthService;
import io.socialdesk.core.job.HeartbeatJob;
import io.socialdesk.core.job.Job;
import io.socialdesk.core.post.PostService;
import io.socialdesk.core.post.PostStore;
import io.socialdesk.core.secret.SecretBox;
import io.socialdesk.core.secret.SecretKeys;
import io.socialdesk.server.auth.Credentials;
import io.socialdesk.server.auth.ServerUsers;
import io.socialdesk.server.db.Database;
import io.socialdesk.server.db.DatabaseConfig;
import io.socialdesk.server.http.AccountPages;
import io.socialdesk.server.http.AuthFilter;
import io.socialdesk.server.http.NotificationPages;
import io.socialdesk.server.http.PageErrors;
import io.socialdesk.server.http.PageResource;
import io.socialdesk.server.http.QueuePages;
import io.socialdesk.server.http.Pages;
import io.socialdesk.server.http.RequestUser;
import io.socialdesk.server.http.SocialDeskServer;
import io.socialdesk.server.media.ServerMedia;
import io.socialdesk.server.jobs.JobLeases;
import io.socialdesk.server.notification.NoticeInbox;
import io.socialdesk.server.notification.NoticeMailer;
import io.socialdesk.server.notification.ServerNotifier;
import io.socialdesk.server.notification.SmtpSettings;
import io.socialdesk.server.jobs.ServerScheduler;
import io.socialdesk.server.publish.SqlDeliveryWrites;
import io.socialdesk.store.ao.BatchedCommits;
import io.socialdesk.store.publish.AoDeliveryStore;
import io.socialdesk.web.publish.Publishing;
import io.socialdesk.core.publish.PublishingSettings;
import io.socialdesk.core.publish.PublishingQueue;
import io.socialdesk.web.rest.QueueResource;
import io.socialdesk.web.rest.RoutingResource;
import io.socialdesk.core.inbox.triage.TextTriager;
import io.socialdesk.server.http.RoutingPages;
import io.socialdesk.server.render.VelocityTemplates;
import io.socialdesk.server.tracker.BuiltInTracker;
import io.socialdesk.core.approval.ApproverDirectory;
import io.socialdesk.core.notification.Notifier;
import io.socialdesk.web.Engine;
import io.socialdesk.web.account.AccountAdmin;
import java.net.URI;
import io.socialdesk.store.job.AoJobRunLog;
import io.socialdesk.web.rest.AccountResource;
import io.socialdesk.web.rest.HealthResource;
import io.socialdesk.web.rest.MediaResource;
import io.socialdesk.web.rest.PolicyResource;
import io.socialdesk.web.rest.PostResource;
import io.socialdesk.web.rest.ReviewResource;
import io.socialdesk.web.rest.ValidateResource;
import io.socialdesk.channel.webhook.InboundWebhook;
import io.socialdesk.core.inbox.InboxSettings;
import io.socialdesk.core.inbox.crisis.CrisisSettings;
import io.socialdesk.core.inbox.Router;
import io.socialdesk.core.inbox.Triager;
import io.socialdesk.server.tracker.SqlInboxStore;
import io.socialdesk.web.inbox.Inbox;
import io.socialdesk.web.inbox.Answering;
import io.socialdesk.web.rest.InboxResource;
import io.socialdesk.web.inbound.SigningSecrets;
import io.socialdesk.web.rest.FeedResource;
import io.socialdesk.web.rest.InboundResource;
import io.socialdesk.web.rest.NetworkWebhookResource;
import io.socialdesk.web.inbound.NetworkWebhooks;
import io.socialdesk.web.rest.RestApi;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The server host, wired by hand: the database, the shared stores and services, the server's own
 * users, tracker and scheduler, and the HTTP server. The command line and the tests build it the
 * same way.
 */
public final class SocialDeskApp implements AutoCloseable {
    /**
     * How the server is started; {@code data} is the data folder, where uploaded media live
     * ({@code DATA/media}) and the key that seals secrets ({@code DATA/secret.key}); {@code smtp}, when set,
     * e-mails notices with links starting with {@code publicUrl}. {@code allowPrivateAddresses} lets people
     * connect accounts on private addresses; {@code tokenWarningDays} is how long before a connection ends its
     * owner is asked to reconnect; {@code channels} are the network connectors.
     */
    public record Settings(String host, int port, DatabaseConfig database, String node, Duration heartbeat, Clock clock, Path data,
            Optional<SmtpSettings> smtp, Optional<String> publicUrl, boolean allowPrivateAddresses, int tokenWarningDays, List<Channel> channels,
            Duration publishEvery, PublishingSettings publishing, boolean allowPlainHttp, Duration importEvery, InboxSettings inbox) {
        public Settings {
            channels = List.copyOf(channels);
        }

        public Settings(String host, int port, DatabaseConfig database, String node, Duration heartbeat, Clock clock, Path data,
                Optional<SmtpSettings> smtp, Optional<String> publicUrl, boolean allowPrivateAddresses, int tokenWarningDays, List<Channel> channels,
                Duration publishEvery, PublishingSettings publishing) {
            this(host, port, database, node, heartbeat, clock, data, smtp, publicUrl, allowPrivateAddresses, tokenWarningDays, channels,
                    publishEvery, publishing, false, DEFAULT_IMPORT_EVERY, InboxSettings.DEFAULTS);
        }

        /**
         * Lets the connectors call plain http:// addresses too (only together with private addresses): for tests
         * whose fake network listens on 127.0.0.1 without TLS. Never for production: requests and secrets travel unencrypted.
         */
        public Settings withPlainHttp(boolean allow) {
            return new Settings(host, port, database, node, heartbeat, clock, data, smtp, publicUrl, allowPrivateAddresses, tokenWarningDays,
                    channels, publishEvery, publishing, allow, importEvery, inbox);
        }

        public Settings(String host, int port, DatabaseConfig database, String node, Duration heartbeat, Clock clock, Path data,
                Optional<SmtpSettings> smtp, Optional<String> publicUrl, boolean allowPrivateAddresses, int tokenWarningDays, List<Channel> channels) {
            this(host, port, database, node, heartbeat, clock, data, smtp, publicUrl, allowPrivateAddresses, tokenWarningDays, channels,
                    DEFAULT_PUBLISH_EVERY, PublishingSettings.DEFAULTS);
        }

        /** How often the publisher looks for due posts on the server: often, so that a post goes out within a second or two of its time. */
        public static final Duration DEFAULT_PUBLISH_EVERY = Duration.ofMillis(250);

        /** How often the publisher ticks, and how it paces itself (workers, per-account requests, retries, missed-after window). */
        public Settings withPublishing(Duration every, PublishingSettings pacing) {
            return new Settings(host, port, database, node, heartbeat, clock, data, smtp, publicUrl, allowPrivateAddresses, tokenWarningDays,
                    channels, every, pacing, allowPlainHttp, importEvery, inbox);
        }

        /** With the command line's default data folder, {@code ./data}, and no e-mail. */
        public Settings(String host, int port, DatabaseConfig database, String node, Duration heartbeat, Clock clock) {
            this(host, port, database, node, heartbeat, clock, Path.of("data"));
        }

        /** No e-mail, public addresses only, the default warning, no connectors. */
        public Settings(String host, int port, DatabaseConfig database, String node, Duration heartbeat, Clock clock, Path data) {
            this(host, port, database, node, heartbeat, clock, data, Optional.empty(), Optional.empty(), false,
                    AccountSettings.DEFAULT_WARNING_DAYS, List.of());
        }

        public static Settings of(String host, int port, DatabaseConfig database) {
            return of(host, port, database, Path.of("data"));
        }

        public static Settings of(String host, int port, DatabaseConfig database, Path data) {
            return new Settings(host, port, database, NodeName.of(), Duration.ofSeconds(15), Clock.systemUTC(), data);
        }

        /** E-mails notices through this SMTP server; links in them start with {@code publicUrl} (default: the URL served). */
        public Settings withMail(SmtpSettings smtp, Optional<String> publicUrl) {
            return new Settings(host, port, database, node, heartbeat, clock, data, Optional.of(smtp), publicUrl, allowPrivateAddresses,
                    tokenWarningDays, channels, publishEvery, publishing, allowPlainHttp, importEvery, inbox);
        }

        /** The address people open Social Desk at (links in e-mails, the OAuth redirect); default: the address served. */
        public Settings withPublicUrl(Optional<String> url) {
            return new Settings(host, port, database, node, heartbeat, clock, data, smtp, url, allowPrivateAddresses, tokenWarningDays, channels, publishEvery, publishing, allowPlainHttp, importEvery, inbox);
        }

        /** Whether accounts on private addresses may be connected, and how many days before a connection ends its owner is asked to reconnect. */
        public Settings withAccounts(boolean allowPrivate, int warningDays) {
            return new Settings(host, port, database, node, heartbeat, clock, data, smtp, publicUrl, allowPrivate, warningDays, channels, publishEvery, publishing, allowPlainHttp,
                    importEvery, inbox);
        }

        /** The network connectors, one per network (default, when none are given: all the standard ones). */
        public Settings withChannels(List<? extends Channel> connectors) {
            return new Settings(host, port, database, node, heartbeat, clock, data, smtp, publicUrl, allowPrivateAddresses, tokenWarningDays,
                    List.copyOf(connectors), publishEvery, publishing, allowPlainHttp, importEvery, inbox);
        }

        /** How often the inbox's import runs (once per cluster), and how it treats floods, resolved tickets and ancestors. */
        public Settings withInbox(Duration every, InboxSettings settings) {
            return new Settings(host, port, database, node, heartbeat, clock, data, smtp, publicUrl, allowPrivateAddresses, tokenWarningDays,
                    channels, publishEvery, publishing, allowPlainHttp, every, settings);
        }

        /** How often the inbox's import polls the networks by default: every minute. */
        public static final Duration DEFAULT_IMPORT_EVERY = Duration.ofMinutes(1);
    }

    /** Who reports the inbox's tickets of an account without owner: Social Desk itself, not a person. */
    static final io.socialdesk.core.user.User INBOUND_REPORTER =
            new io.socialdesk.core.user.User("socialdesk", "Social Desk", java.util.Set.of(), java.time.ZoneOffset.UTC);

    private final Settings settings;
    private final Database database;
    private final PostStore postStore;
    private final AccountStore accounts;
    private final PostService posts;
    private final Engine engine;
    private final ServerUsers users;
    private final Credentials credentials;
    private final BuiltInTracker tracker;
    private final ServerScheduler scheduler;
    private final SocialDeskServer http;
    private final NoticeInbox notices;
    private final Optional<NoticeMailer> mailer;
    private final SecretBox secrets;
    private final ChannelDirectory channels;
    private final AccountAdmin accountAdmin;
    private final AccountHealthJob accountHealth;
    private final BatchedCommits storeWriter;
    private final Publishing publishing;
    private final PublishingQueue queue;
    private final Inbox inbox;
    private final io.socialdesk.web.calendar.EditorialCalendar calendar;
    private final Answering answering;

    private SocialDeskApp(Settings settings) {
        this.settings = settings;
        // The key that seals secrets: never in the database (SOCIALDESK_SECRET_KEY wins over DATA/secret.key).
        this.secrets = SecretKeys.box(System.getenv(SecretKeys.ENV), settings.data().resolve(SecretKeys.FILE_NAME));
        this.database = Database.open(settings.database(), ServerEntities.all());
        Clock clock = settings.clock();
        this.tracker = new BuiltInTracker(database.ao(), clock);
        this.users = new ServerUsers(database.ao());
        this.notices = new NoticeInbox(database.ao());
        this.mailer = settings.smtp().map(smtp -> new NoticeMailer(smtp, () -> settings.publicUrl().orElseGet(this::url)));
        Notifier notifier = new ServerNotifier(ServerNotifier.People.of(users), notices, mailer);
        this.engine = Engine.over(database.ao(), () -> secrets, ServerMedia.under(settings.data()), tracker, notifier, ApproverDirectory.NO_GROUPS, clock);
        this.postStore = engine.postStore();
        this.accounts = engine.accounts();
        this.posts = engine.posts();
        this.credentials = new Credentials(database.ao(), users, clock);
        AoJobRunLog jobRuns = new AoJobRunLog(database.ao());
        HealthService health = new HealthService(database, jobRuns);


        AccountSettings accountSettings = AccountSettings.fixed(settings.allowPrivateAddresses(), settings.tokenWarningDays(),
                "socialdesk serve --allow-private-addresses --token-warning-days N");
        // Tests pass their own connectors; otherwise every network Social Desk ships.
        this.channels = settings.channels().isEmpty()
                ? ChannelDirectory.standard(new HttpCalls(settings.allowPlainHttp() && settings.allowPrivateAddresses()
                        ? AddressPolicy.ANY : AccountAdmin.policyFrom(accountSettings)), accounts.credentialSink(), clock,
                        () -> engine.oauthClients().configured(Network.X).orElse(null))
                : ChannelDirectory.of(settings.channels());
        this.accountAdmin = new AccountAdmin(accounts, engine.oauthClients(), engine.pendingConnections(), engine.trail(), channels, accountSettings,
                new AccountAdmin.HostUrls(() -> URI.create(publicBase() + RestApi.BASE_PATH + "/accounts/callback"),
                        () -> URI.create(publicBase() + "/admin/accounts")), clock);

        this.accountHealth = new AccountHealthJob(accounts, accountAdmin.checks(), accountSettings, tracker, notifier, clock, AccountHealthJob.INTERVAL);
        // The engine's writes share commits: with the embedded database's sync on every commit, one per delivery would be its limit.
        this.storeWriter = new BatchedCommits(database.ao(), 256, 4096, "socialdesk-store-writer");
        this.calendar = io.socialdesk.web.calendar.EditorialCalendar.over(database.ao(), engine, p -> "/posts/" + p.id() + "/edit", clock);
        this.publishing = Publishing.over(engine, new AoDeliveryStore(database.ao(), new SqlDeliveryWrites(database)), channels, tracker, notifier,
                calendar.blackouts(), storeWriter, settings.publishing(), settings.node(), clock, Answering.deliveries(database.ao(), tracker, clock));
        this.queue = PublishingQueue.over(publishing.deliveries(), postStore, accounts, engine.reviews(), publishing.sending(), engine.trail(), clock);
        // One triager for the imports (it remembers recent texts for the spam score); the rule tester has its own, so that texts
        // pasted there never count as repeats.
        Triager triager = new TextTriager();
        Router router = engine.routing().router();
        this.inbox = Inbox.over(engine, new SqlInboxStore(database), database.ao(), tracker, channels, triager, router, INBOUND_REPORTER,
                settings.inbox(), CrisisSettings.DEFAULTS, notifier, clock);
        this.answering = Answering.over(database.ao(), inbox.store(), accounts, channels, publishing.deliveries(), tracker, tracker, engine.trail(), clock);
        List<Job> jobs = new ArrayList<>(List.of(new HeartbeatJob(jobRuns, settings.node(), settings.heartbeat()), accountHealth,
                publishing.publisher().job(settings.publishEvery())));
        jobs.addAll(inbox.jobs(settings.importEvery()));
        this.scheduler = new ServerScheduler(jobs, new JobLeases(database), settings.node(), clock);

        RequestUser requestUser = new RequestUser();
        Pages pages = new Pages(new VelocityTemplates(), requestUser, notices::unread);
        List<Object> rest = new ArrayList<>(List.of(
                new PostResource(posts, requestUser), new ReviewResource(engine.reviews(), requestUser),
                new PolicyResource(engine.policies(), requestUser), new AccountResource(accountAdmin, requestUser), new HealthResource(health),
                new ValidateResource(requestUser), new MediaResource(engine.media(), requestUser),
                new InboundResource(new SigningSecrets(accounts), inbox.imports().intake(), new InboundWebhook(clock)),
                new FeedResource(posts, accounts, requestUser, clock), new QueueResource(queue, requestUser),
                new RoutingResource(engine.routing(), new TextTriager(), requestUser),
                new io.socialdesk.web.rest.CalendarResource(calendar.service(), requestUser),
                new InboxResource(answering.replies(), answering.times(), answering.forgetting(), requestUser)));
        rest.add(new NetworkWebhookResource(new NetworkWebhooks(accounts, accountAdmin.clients(), inbox.imports(), clock)));
        // The calendar's iCalendar feeds: managed when signed in, read by calendar clients with the feed's secret URL.
        var ical = io.socialdesk.web.calendar.ical.IcalFeeds.over(database.ao(), calendar.service(), clock);
        rest.add(new io.socialdesk.web.rest.CalendarFeedResource(ical.tokens(), requestUser));
        rest.add(new io.socialdesk.web.rest.IcalFeedResource(ical.tokens(), ical.feeds()));
        // The calendar's data as plain JSON, for the Confluence macro (the same view model and templates elsewhere).
        rest.add(new io.socialdesk.web.rest.CalendarDataResource(calendar.service(), accounts, requestUser));
        var crisisAlerts = new io.socialdesk.core.inbox.crisis.CrisisAlerts(new io.socialdesk.store.inbox.AoCrisisAlerts(database.ao()),
                key -> users.find(key).isPresent());
        rest.add(new io.socialdesk.web.rest.CrisisAlertResource(crisisAlerts, requestUser));
        RestApi.ERROR_MAPPERS.forEach(type -> rest.add(instantiate(type)));
        List<Object> pageResources = List.of(
                new PageResource(pages, requestUser, users, credentials, posts, tracker, engine.reviews(), engine.policies(), accounts,
                        inbox.store(), answering),
                new PageErrors(pages, requestUser), new NotificationPages(pages, requestUser, users, notices, clock),
                new AccountPages(pages, requestUser, accountAdmin), new QueuePages(pages, requestUser, queue),
                new RoutingPages(pages, requestUser, engine.routing(), accounts),
                new io.socialdesk.server.http.CalendarPages(pages, requestUser, calendar.service(), accounts),
                new io.socialdesk.server.http.CrisisPages(pages, requestUser, crisisAlerts));
        this.http = new SocialDeskServer(settings.host(), settings.port(), new AuthFilter(credentials, requestUser), rest, pageResources);
    }

    /** Opens the database (creating or updating its tables) without serving: for commands such as {@code user add}. */
    public static SocialDeskApp open(Settings settings) {
        return new SocialDeskApp(settings);
    }

    /** Starts the jobs and the HTTP server. */
    public SocialDeskApp start() throws Exception {
        http.start();
        scheduler.start();
        return this;
    }

    public String url() {
        return http.url();
    }

    /** Where people open Social Desk: {@code --public-url}, else the address served. */
    public String publicBase() {
        String base = settings.publicUrl().filter(u -> !u.isBlank()).orElseGet(this::url);
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public int port() {
        return http.port();
    }

    public Database database() { return database; }
    public PostService posts() { return posts; }
    public Engine engine() { return engine; }
    public PostStore postStore() { return postStore; }
    public AccountStore accounts() { return accounts; }
    public ServerUsers users() { return users; }
    public Credentials credentials() { return credentials; }
    public BuiltInTracker tracker() { return tracker; }
    public Settings settings() { return settings; }
    public NoticeInbox notices() { return notices; }
    public SecretBox secrets() { return secrets; }
    public ChannelDirectory channels() { return channels; }
    public AccountAdmin accountAdmin() { return accountAdmin; }
    public AccountHealthJob accountHealth() { return accountHealth; }
    public Publishing publishing() { return publishing; }
    public PublishingQueue queue() { return queue; }
    public Inbox inbox() { return inbox; }
    public io.socialdesk.web.calendar.EditorialCalendar calendar() { return calendar; }
    public Answering answering() { return answering; }

    private static Object instantiate(Class<?> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException | NoSuchMethodException e) {
            throw new IllegalStateException("Cannot create " + type.getName(), e);
        }
    }

    @Override
    public void close() {
        scheduler.close();
        publishing.close();
        storeWriter.close();
        mailer.ifPresent(NoticeMailer::close);
        try {
            http.close();
        } catch (Exception ignored) {
            // stopping anyway
        }
        database.close();
    }
}
