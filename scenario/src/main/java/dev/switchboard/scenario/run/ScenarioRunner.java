package dev.switchboard.scenario.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.scenario.match.JsonMatcher;
import dev.switchboard.scenario.match.JsonPaths;
import dev.switchboard.scenario.match.Mismatch;
import dev.switchboard.scenario.match.Variables;
import dev.switchboard.scenario.model.Actor;
import dev.switchboard.scenario.model.Scenario;
import dev.switchboard.scenario.model.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs one scenario once: seeds its fixture (unless told not to), resolves its actors, runs the steps
 * in order and stops at the first failure (the rest are skipped), then closes every socket. Each
 * actor's user id is also a variable, {@code ${<actor>.id}}.
 */
public final class ScenarioRunner {

    public static final long CONNECT_TIMEOUT_MS = 10_000;
    static final int FRAMES_BEFORE = 8;
    static final long FRAMES_AFTER_MS = 200;

    private final RunTarget target;
    private final UserPool sharedPool;
    private final RunListener listener;
    private final Consumer<RunFrame> onFrame;

    /**
     * @param sharedPool for a load run: users shared by every virtual user, the fixture already seeded;
     *                   null for a single run, which seeds the fixture and picks from the whole database
     */
    public ScenarioRunner(RunTarget target, UserPool sharedPool, RunListener listener, Consumer<RunFrame> onFrame) {
        this.target = target;
        this.sharedPool = sharedPool;
        this.listener = listener;
        this.onFrame = onFrame;
    }

    public ScenarioRunner(RunTarget target, RunListener listener) {
        this(target, null, listener, f -> { });
    }

    public ScenarioResult run(Scenario scenario, String source) {
        return new Run(scenario, source).execute();
    }

    /** The state of one execution. */
    private final class Run {
        final Scenario scenario;
        final String source;
        final FrameLog log = new FrameLog(onFrame);
        final Variables variables = new Variables();
        final Map<String, String> userIds = new LinkedHashMap<>();
        final Map<String, List<ScenarioSocket>> sockets = new LinkedHashMap<>();
        final List<String> leased = new ArrayList<>();
        UserPool pool = sharedPool;

        Run(Scenario scenario, String source) {
            this.scenario = scenario;
            this.source = source;
        }

        ScenarioResult execute() {
            long started = System.currentTimeMillis();
            List<StepResult> results = new ArrayList<>();
            String setupError = null;
            try {
                setupError = setUp();
                boolean failed = setupError != null;
                for (int i = 0; i < scenario.steps().size(); i++) {
                    Step step = scenario.steps().get(i);
                    if (failed) {
                        results.add(StepResult.skipped(i, step));
                        continue;
                    }
                    listener.stepStarted(i, step);
                    StepResult r = runStep(i, step);
                    results.add(r);
                    listener.stepFinished(r);
                    failed = !r.passed();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                setupError = "interrupted";
            } finally {
                sockets.values().forEach(list -> list.forEach(ScenarioSocket::close));
                if (pool != null) {
                    leased.forEach(pool::release);
                }
            }
            return new ScenarioResult(scenario, source, results, System.currentTimeMillis() - started, started,
                    log.all(), setupError);
        }

        /** Seeds and resolves actors; returns why the run cannot start, or null. */
        String setUp() {
            var spec = scenario.fixture().spec();
            if (sharedPool == null && spec.isPresent()) {
                try {
                    target.seed(spec.get());
                } catch (RuntimeException e) {
                    return "seeding fixture '" + spec.get().describe() + "' failed: " + e.getMessage();
                }
            }
            if (pool == null && scenario.picksUsers()) {
                if (target.database() == null) {
                    return "pick needs the server's database: pass --mongo-uri (or set MONGODB_URI)";
                }
                pool = target.userPool();
            }
            for (Actor actor : scenario.actors().values()) {
                String id = actor.user();
                if (actor.pick() != null) {
                    Optional<String> user = pool.lease();
                    if (user.isEmpty()) {
                        return "actor " + actor.name() + ": no user left to pick (the database has too few users"
                                + " for this many actors and virtual users; seed a generated fixture)";
                    }
                    leased.add(user.get());
                    id = user.get();
                }
                if (id != null) {
                    userIds.put(actor.name(), id);
                    variables.put(actor.name() + ".id", TextNode.valueOf(id));
                }
            }
            return null;
        }

        StepResult runStep(int index, Step step) throws InterruptedException {
            long start = System.currentTimeMillis();
            try {
                Failure f = perform(step);
                long end = System.currentTimeMillis();
                if (f == null) {
                    return new StepResult(index, step, StepResult.Outcome.PASSED, end - start, null, null, null, null,
                            null, null, start);
                }
                return new StepResult(index, step, StepResult.Outcome.FAILED, end - start, f.kind, f.message,
                        f.mismatches, f.expected, f.received, log.around(end, FRAMES_BEFORE, FRAMES_AFTER_MS), start);
            } catch (Variables.UnknownVariableException e) {
                long end = System.currentTimeMillis();
                return new StepResult(index, step, StepResult.Outcome.FAILED, end - start, FailureKind.CAPTURE,
                        e.getMessage(), null, null, null, log.around(end, FRAMES_BEFORE, 0), start);
            }
        }

        Failure perform(Step step) throws InterruptedException, Variables.UnknownVariableException {
            if (step instanceof Step.Connect c) {
                return connect(c);
            } else if (step instanceof Step.Emit e) {
                return emit(e);
            } else if (step instanceof Step.ExpectPush p) {
                return expectPush(p);
            } else if (step instanceof Step.ExpectNoPush n) {
                return expectNoPush(n);
            } else if (step instanceof Step.Wait w) {
                Thread.sleep(w.millis());
                return null;
            } else if (step instanceof Step.Disconnect d) {
                List<ScenarioSocket> list = sockets.remove(d.actor());
                if (list != null) {
                    list.forEach(ScenarioSocket::disconnect);
                }
                return null;
            }
            throw new IllegalStateException("unknown step " + step);
        }

        Failure connect(Step.Connect step) throws InterruptedException, Variables.UnknownVariableException {
            Actor actor = scenario.actors().get(step.actor());
            Optional.ofNullable(sockets.remove(actor.name())).ifPresent(l -> l.forEach(ScenarioSocket::close));
            String token = token(actor);
            List<ScenarioSocket> list = new ArrayList<>();
            List<CompletableFuture<ScenarioSocket.ConnectOutcome>> outcomes = new ArrayList<>();
            for (int i = 1; i <= actor.sockets(); i++) {
                ScenarioSocket s = new ScenarioSocket(target.serverUrl(), actor.namespace(), actor.transport(), token,
                        actor.name(), i, log);
                list.add(s);
                outcomes.add(s.connect());
            }
            sockets.put(actor.name(), list);
            for (int i = 0; i < list.size(); i++) {
                ScenarioSocket.ConnectOutcome outcome;
                try {
                    outcome = outcomes.get(i).get(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    return new Failure(FailureKind.CONNECT_TIMEOUT, list.get(i).label() + " neither connected nor was"
                            + " refused within " + CONNECT_TIMEOUT_MS / 1000 + " s");
                } catch (ExecutionException e) {
                    return new Failure(FailureKind.CONNECT_REFUSED, list.get(i).label() + ": " + e.getCause());
                }
                if (step.expectError() == null && outcome.error() != null) {
                    return new Failure(FailureKind.CONNECT_REFUSED, list.get(i).label() + " was refused: "
                            + outcome.error());
                }
                if (step.expectError() != null) {
                    if (outcome.error() == null) {
                        return new Failure(FailureKind.CONNECT_ERROR_MISSING, list.get(i).label()
                                + " connected, but a connect_error containing \"" + step.expectError() + "\" was expected");
                    }
                    if (!outcome.error().toLowerCase(Locale.ROOT).contains(step.expectError().toLowerCase(Locale.ROOT))) {
                        Failure f = new Failure(FailureKind.CONNECT_REFUSED, list.get(i).label()
                                + " was refused, but not with the expected reason");
                        f.expected = TextNode.valueOf(step.expectError());
                        f.received = TextNode.valueOf(outcome.error());
                        return f;
                    }
                }
            }
            if (step.expectError() != null) {
                sockets.remove(actor.name());
                list.forEach(ScenarioSocket::close);
            }
            return null;
        }

        String token(Actor actor) throws Variables.UnknownVariableException {
            if (actor.token() != null) {
                return variables.substitute(TextNode.valueOf(actor.token())).asText();
            }
            String id = variables.substitute(TextNode.valueOf(userIds.get(actor.name()))).asText();
            return target.jwt().sign(id, (Duration) null, actor.claims());
        }

        Failure emit(Step.Emit step) throws InterruptedException, Variables.UnknownVariableException {
            ScenarioSocket socket = firstConnected(step.as());
            if (socket == null) {
                return notConnected(step.as());
            }
            JsonNode args = variables.substitute(step.args());
            JsonNode ack;
            try {
                ack = socket.emit(step.event(), args, step.within()).get();
            } catch (ExecutionException e) {
                return new Failure(FailureKind.ACK_TIMEOUT, e.getCause().getMessage());
            }
            if (step.expect() != null) {
                JsonNode expected = variables.substitute(step.expect());
                List<Mismatch> mismatches = JsonMatcher.match(expected, ack);
                if (!mismatches.isEmpty()) {
                    Failure f = new Failure(FailureKind.ACK_MISMATCH, "the ack of " + step.event() + " differs from"
                            + " the expectation in " + mismatches.size() + " place(s)");
                    f.mismatches = mismatches;
                    f.expected = expected;
                    f.received = ack;
                    return f;
                }
            }
            return capture(step.capture(), ack, "ack of " + step.event());
        }

        Failure expectPush(Step.ExpectPush step) throws InterruptedException, Variables.UnknownVariableException {
            List<ScenarioSocket> list = sockets.get(step.on());
            if (list == null || list.isEmpty()) {
                return notConnected(step.on());
            }
            JsonNode expected = step.match() == null ? null : variables.substitute(step.match());
            long deadline = System.currentTimeMillis() + step.within();
            JsonNode first = null;
            for (ScenarioSocket s : list) {
                RunFrame got = s.awaitPush(step.event(), p -> expected == null || JsonMatcher.match(expected, p).isEmpty(),
                        deadline);
                if (got == null) {
                    return missingPush(step, s, expected);
                }
                if (first == null) {
                    first = got.payload();
                }
            }
            return capture(step.capture(), first, "push " + step.event());
        }

        Failure missingPush(Step.ExpectPush step, ScenarioSocket s, JsonNode expected) {
            List<RunFrame> candidates = s.unconsumed(step.event());
            if (!candidates.isEmpty()) {
                RunFrame closest = candidates.get(candidates.size() - 1);
                Failure f = new Failure(FailureKind.PUSH_MISMATCH, s.label() + " received " + candidates.size()
                        + " push(es) of " + step.event() + " within " + step.within() + " ms, none matching; the last one"
                        + " differs in:");
                f.expected = expected;
                f.received = closest.payload();
                f.mismatches = JsonMatcher.match(expected, closest.payload());
                return f;
            }
            List<String> other = s.receivedEvents();
            return new Failure(FailureKind.PUSH_MISSING, s.label() + " received no " + step.event() + " within "
                    + step.within() + " ms" + (other.isEmpty() ? " (nothing at all)" : " (it received: "
                    + String.join(", ", other.subList(Math.max(0, other.size() - 6), other.size())) + ")"));
        }

        Failure expectNoPush(Step.ExpectNoPush step) throws InterruptedException {
            List<ScenarioSocket> list = sockets.get(step.on());
            if (list == null || list.isEmpty()) {
                return notConnected(step.on());
            }
            long deadline = System.currentTimeMillis() + step.within();
            for (ScenarioSocket s : list) {
                RunFrame got = s.awaitPush(step.event(), p -> true, deadline);
                if (got != null) {
                    Failure f = new Failure(FailureKind.UNEXPECTED_PUSH, s.label() + " received " + step.event()
                            + ", which it must not");
                    f.received = got.payload();
                    return f;
                }
            }
            return null;
        }

        Failure capture(Map<String, String> capture, JsonNode from, String what) {
            for (Map.Entry<String, String> c : capture.entrySet()) {
                JsonNode value = JsonPaths.get(from, c.getValue());
                if (value.isMissingNode()) {
                    Failure f = new Failure(FailureKind.CAPTURE, "capture " + c.getKey() + ": the " + what + " has"
                            + " nothing at " + c.getValue());
                    f.received = from;
                    return f;
                }
                variables.put(c.getKey(), value);
            }
            return null;
        }

        ScenarioSocket firstConnected(String actor) {
            List<ScenarioSocket> list = sockets.get(actor);
            return list == null ? null : list.stream().filter(ScenarioSocket::isConnected).findFirst().orElse(null);
        }

        Failure notConnected(String actor) {
            return new Failure(FailureKind.NOT_CONNECTED, actor + " is not connected: add {\"connect\": \"" + actor
                    + "\"} before this step");
        }
    }

    /** What went wrong in a step, filled in as far as the step knows. */
    private static final class Failure {
        final FailureKind kind;
        final String message;
        List<Mismatch> mismatches = List.of();
        JsonNode expected;
        JsonNode received;

        Failure(FailureKind kind, String message) {
            this.kind = kind;
            this.message = message;
        }
    }
}
