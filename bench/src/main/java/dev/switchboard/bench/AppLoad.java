package dev.switchboard.bench;

import dev.switchboard.bench.client.ClientPool;
import dev.switchboard.bench.client.SioConnection;
import dev.switchboard.bench.client.SioListener;
import dev.switchboard.bench.result.AppPlan;
import dev.switchboard.bench.result.AppRun;
import dev.switchboard.bench.result.AppStep;
import dev.switchboard.bench.result.EventFigures;
import dev.switchboard.bench.result.Latency;
import io.netty.channel.EventLoop;
import io.netty.util.collection.IntObjectHashMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Workload 2: every user of the plan connected at once; requests of a fixed mix issued open-loop at
 * an offered rate (so a slow server cannot slow the load down), stepped up until the p99 ack
 * latency crosses the target. Runs on one event loop: issuing, acks and pushes share no state
 * with any other thread.
 */
public final class AppLoad implements SioListener {

    /** The mix, in percent of requests. */
    enum Op {
        MESSAGE("message/new", 20), TWEET("tweet/add", 10), LIKE("tweet/like/toggle", 25),
        PROFILE("user/profile/get", 25), TIMELINE("tweet/get/byPagination", 20);

        final String event;
        final int weight;

        Op(String event, int weight) {
            this.event = event;
            this.weight = weight;
        }
    }

    /** Marks a message text or tweet with the nanoTime it was sent, so a push's delay can be read off it. */
    static final String MARK = "bench@";
    static final List<String> PUSHES = List.of("message/send/to", "tweet/new");
    private static final int MAX_OUTSTANDING = 5_000;

    public record Settings(String host, int port, long serverPid, AppPlan plan, IntFunction<String> authJson,
                           double startRate, double maxRate, int refineSteps, boolean confirm, Duration warmup,
                           Duration window, double p99TargetMs) {
    }

    private record Pending(Op op, long sentAt) {
    }

    /** Figures of the window being measured. */
    private static final class Figures {
        final LatencyHistogram all = new LatencyHistogram();
        final Map<Op, LatencyHistogram> perOp = new EnumMap<>(Op.class);
        final Map<Op, long[]> errorsPerOp = new EnumMap<>(Op.class);
        final Map<String, LatencyHistogram> pushes = new LinkedHashMap<>();
        final List<String> errorSamples = new ArrayList<>();
        long errors;
        long shed;

        Figures() {
            for (Op op : Op.values()) {
                perOp.put(op, new LatencyHistogram());
                errorsPerOp.put(op, new long[1]);
            }
            PUSHES.forEach(p -> pushes.put(p, new LatencyHistogram()));
        }
    }

    private final AppPlan plan;
    private final List<List<String>> likeCandidates;
    private final SplittableRandom random = new SplittableRandom(42);
    private final Op[] mix;
    private List<SioConnection> connections = List.of();
    private Figures figures = new Figures();
    private long windowFrom = Long.MAX_VALUE;
    private long windowUntil = Long.MAX_VALUE;
    private double rate;
    private long stepStart;
    private long issued;
    private int outstanding;

    private AppLoad(AppPlan plan) {
        this.plan = plan;
        this.likeCandidates = likeCandidates(plan);
        List<Op> m = new ArrayList<>();
        for (Op op : Op.values()) {
            for (int i = 0; i < op.weight; i++) {
                m.add(op);
            }
        }
        this.mix = m.toArray(Op[]::new);
    }

    private static List<List<String>> likeCandidates(AppPlan plan) {
        Map<String, List<String>> byOwner = new HashMap<>();
        plan.tweets().forEach(t -> byOwner.computeIfAbsent(t.owner(), o -> new ArrayList<>()).add(t.id()));
        List<List<String>> out = new ArrayList<>();
        for (AppPlan.User u : plan.users()) {
            List<String> tweets = new ArrayList<>(byOwner.getOrDefault(u.id(), List.of()));
            u.peers().forEach(p -> tweets.addAll(byOwner.getOrDefault(p, List.of())));
            out.add(tweets);
        }
        return out;
    }

    public static AppRun run(Settings s) throws Exception {
        AppLoad load = new AppLoad(s.plan());
        int users = s.plan().users().size();
        try (ClientPool pool = new ClientPool(s.host(), s.port(), 1, List.of())) {
            Ramp.Result ramp = Ramp.connect(pool, users, 50, s.authJson(), load, Duration.ofSeconds(180));
            if (ramp.connected() < users) {
                throw new IllegalStateException(ramp.failed() + " of " + users + " users could not connect: "
                        + ramp.failureSamples());
            }
            System.err.printf("app: %d users connected in %.1f s%n", ramp.connected(), ramp.seconds());
            load.connections = ramp.connections();
            EventLoop loop = ramp.connections().get(0).eventLoop();
            Thread.sleep(2000);
            List<AppStep> steps = new ArrayList<>();
            AppStep best = null;
            AppStep failed = null;
            for (double r = s.startRate(); r <= s.maxRate(); r *= 2) {
                AppStep step = load.step(loop, s, r);
                steps.add(step);
                if (!step.passed()) {
                    failed = step;
                    break;
                }
                best = step;
            }
            for (int i = 0; i < s.refineSteps() && best != null && failed != null; i++) {
                double mid = Math.round((best.offeredPerSecond() + failed.offeredPerSecond()) / 2 / 10) * 10.0;
                if (mid <= best.offeredPerSecond() || mid >= failed.offeredPerSecond()) {
                    break;
                }
                AppStep step = load.step(loop, s, mid);
                steps.add(step);
                if (step.passed()) {
                    best = step;
                } else {
                    failed = step;
                }
            }
            AppStep confirm = s.confirm() && best != null ? load.step(loop, s, best.offeredPerSecond()) : null;
            if (confirm != null) {
                steps.add(confirm);
            }
            return new AppRun(users, ramp.connected(), TransportLoad.round(ramp.seconds()), s.p99TargetMs(), steps,
                    best, confirm);
        }
    }

    private AppStep step(EventLoop loop, Settings s, double offered) throws Exception {
        ScheduledFuture<?> ticker = on(loop, () -> {
            figures = new Figures();
            windowFrom = Long.MAX_VALUE;
            windowUntil = Long.MAX_VALUE;
            rate = offered;
            stepStart = System.nanoTime();
            issued = 0;
            return loop.scheduleAtFixedRate(this::issueDue, 0, 1, TimeUnit.MILLISECONDS);
        });
        Thread.sleep(s.warmup().toMillis());
        Window window = new Window(s.serverPid());
        window.start();
        on(loop, () -> windowFrom = window.startNanos());
        Thread.sleep(s.window().toMillis());
        window.end();
        on(loop, () -> {
            windowUntil = System.nanoTime();
            return ticker.cancel(false);
        });
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < drainUntil && on(loop, () -> outstandingInWindow()) > 0) {
            Thread.sleep(20);
        }
        AppStep step = on(loop, () -> summarise(s, window));
        on(loop, this::forgetPending);
        System.err.printf("app: %.0f/s offered -> %.0f acked/s, p99 %.2f ms, %d errors, %d timeouts: %s%n",
                offered, step.ackedPerSecond(), step.ack().p99Ms(), step.errors(), step.timeouts(), step.verdict());
        Thread.sleep(1000);
        return step;
    }

    private static <T> T on(EventLoop loop, Callable<T> task) throws Exception {
        return loop.submit(task).get(30, TimeUnit.SECONDS);
    }

    private void issueDue() {
        long now = System.nanoTime();
        long due = (long) ((now - stepStart) * rate / 1e9) - issued;
        for (long i = 0; i < due; i++) {
            issued++;
            if (now >= windowUntil) {
                return;
            }
            if (outstanding >= MAX_OUTSTANDING) {
                if (now >= windowFrom) {
                    figures.shed++;
                }
                continue;
            }
            issueOne(now);
        }
    }

    private void issueOne(long now) {
        int u = random.nextInt(connections.size());
        SioConnection c = connections.get(u);
        if (!c.isConnected()) {
            figures.shed++;
            return;
        }
        AppPlan.User user = plan.users().get(u);
        Op op = mix[random.nextInt(mix.length)];
        String args = switch (op) {
            case MESSAGE -> user.peers().isEmpty() ? null
                    : "{\"to\":\"" + pick(user.peers()) + "\",\"context\":{\"text\":\"" + MARK + now + "\"}}";
            case TWEET -> "\"" + MARK + now + " a tweet from the load client\"";
            case LIKE -> likeCandidates.get(u).isEmpty() ? null : "\"" + pick(likeCandidates.get(u)) + "\"";
            case PROFILE -> "\"" + (user.peers().isEmpty() ? user.id() : pick(user.peers())) + "\"";
            case TIMELINE -> "\"" + (user.peers().isEmpty() ? user.id() : pick(user.peers())) + "\",1";
        };
        if (args == null) {
            op = Op.PROFILE;
            args = "\"" + user.id() + "\"";
        }
        int id = c.nextAckId();
        pending(c).put(id, new Pending(op, now));
        outstanding++;
        c.emitWithAck(id, "[\"" + op.event + "\"," + args + "]");
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    @SuppressWarnings("unchecked")
    private static IntObjectHashMap<Pending> pending(SioConnection c) {
        if (c.state == null) {
            c.state = new IntObjectHashMap<Pending>();
        }
        return (IntObjectHashMap<Pending>) c.state;
    }

    @Override
    public boolean wantsAckArgs() {
        return true;
    }

    @Override
    public void ack(SioConnection c, int id, String args) {
        Pending p = pending(c).remove(id);
        if (p == null) {
            return; // an ack of a request from an earlier step, already counted as a timeout
        }
        outstanding--;
        long now = System.nanoTime();
        if (p.sentAt() < windowFrom || p.sentAt() >= windowUntil) {
            return;
        }
        String status = status(args);
        if (!"ok".equals(status)) {
            figures.errors++;
            figures.errorsPerOp.get(p.op())[0]++;
            if (figures.errorSamples.size() < 5) {
                figures.errorSamples.add(p.op().event + " -> " + (args.length() > 200 ? args.substring(0, 200) : args));
            }
        }
        long latency = now - p.sentAt();
        figures.all.record(latency);
        figures.perOp.get(p.op()).record(latency);
    }

    /** The {@code status} of the reply envelope, the first field named so in the ack's arguments. */
    static String status(String args) {
        int at = args == null ? -1 : args.indexOf("\"status\"");
        if (at < 0) {
            return "missing";
        }
        int open = args.indexOf('"', args.indexOf(':', at) + 1);
        int close = open < 0 ? -1 : args.indexOf('"', open + 1);
        return close < 0 ? "missing" : args.substring(open + 1, close);
    }

    @Override
    public void event(SioConnection c, String payload) {
        for (String push : PUSHES) {
            if (payload.startsWith("[\"" + push + "\"")) {
                long sentAt = markedNanos(payload);
                if (sentAt >= windowFrom && sentAt < windowUntil) {
                    figures.pushes.get(push).record(System.nanoTime() - sentAt);
                }
                return;
            }
        }
    }

    /** The send time written into a message or tweet by this client, or -1 when there is none. */
    static long markedNanos(String payload) {
        int at = payload.indexOf(MARK);
        if (at < 0) {
            return -1;
        }
        int i = at + MARK.length();
        long v = 0;
        int digits = 0;
        boolean negative = i < payload.length() && payload.charAt(i) == '-';
        if (negative) {
            i++;
        }
        for (; i < payload.length() && Character.isDigit(payload.charAt(i)); i++, digits++) {
            v = v * 10 + (payload.charAt(i) - '0');
        }
        return digits == 0 ? -1 : negative ? -v : v;
    }

    private long outstandingInWindow() {
        long n = 0;
        for (SioConnection c : connections) {
            for (Pending p : pending(c).values()) {
                if (p.sentAt() >= windowFrom && p.sentAt() < windowUntil) {
                    n++;
                }
            }
        }
        return n;
    }

    private Void forgetPending() {
        connections.forEach(c -> pending(c).clear());
        outstanding = 0;
        return null;
    }

    private AppStep summarise(Settings s, Window window) {
        double seconds = window.seconds();
        long timeouts = outstandingInWindow() + figures.shed;
        Map<String, EventFigures> events = new LinkedHashMap<>();
        for (Op op : Op.values()) {
            LatencyHistogram h = figures.perOp.get(op);
            events.put(op.event, new EventFigures(h.count(), figures.errorsPerOp.get(op)[0], ms(h.percentile(50)),
                    ms(h.percentile(99)), ms(h.max())));
        }
        Map<String, Latency> pushes = new LinkedHashMap<>();
        figures.pushes.forEach((name, h) -> pushes.put(name, Latency.of(h)));
        Latency ack = Latency.of(figures.all);
        double acked = figures.all.count() / seconds;
        String verdict;
        if (ack.p99Ms() >= s.p99TargetMs()) {
            verdict = "p99 " + ack.p99Ms() + " ms is over the " + s.p99TargetMs() + " ms target";
        } else if (timeouts > 0) {
            verdict = timeouts + " requests unanswered or not sent";
        } else if (figures.errors > figures.all.count() / 100) {
            verdict = figures.errors + " error replies (over 1 %)";
        } else if (acked < 0.9 * rate) {
            verdict = "only " + Math.round(acked) + " acked/s of " + Math.round(rate) + " offered";
        } else {
            verdict = "ok";
        }
        return new AppStep(rate, TransportLoad.round(seconds), TransportLoad.round(acked), ack, events, pushes,
                timeouts, figures.errors, List.copyOf(figures.errorSamples), TransportLoad.round(window.clientCpuPercent()),
                TransportLoad.round(window.serverCpuPercent()), "ok".equals(verdict), verdict);
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1e3) / 1000.0;
    }
}
