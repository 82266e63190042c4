#!/usr/bin/env node
// Walks the airlock's state machine through scenarios, evaluating its JSONata expressions with
// jsonata 2.0.6 (the version AWS states Step Functions implements). This is not Step Functions: it
// follows Choice, Task, Wait, Succeed and Fail states, Choice-rule Assign, task Arguments and
// Output, and Catch by error name, which is all the airlock uses; it checks the logic of the
// expressions, not how AWS runs them. AWS answers either canned (one list of answers per call
// kind) or from a small model of CodeArtifact (world()) that follows what AWS documents for
// DescribePackageVersion and CopyPackageVersions, so that several executions of one version can
// run against one store and one primary repository on a simulated clock.
// Usage: node scenarios.js <directory holding reference-pypi.json and pypi-npm-topic.json>.
"use strict";
const fs = require("fs");
const path = require("path");
const jsonata = require("jsonata-sfn");

const dir = process.argv[2];
const load = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
const EXPRESSION = /^\{%(.*)%\}$/s;
const HOUR = 3600;
const COOLDOWN = 72 * HOUR;

async function evaluate(template, bindings) {
  if (typeof template === "string") {
    const match = EXPRESSION.exec(template);
    return match ? jsonata(match[1].trim()).evaluate({}, bindings) : template;
  }
  if (Array.isArray(template)) {
    return Promise.all(template.map((t) => evaluate(t, bindings)));
  }
  if (template !== null && typeof template === "object") {
    const out = {};
    for (const [key, value] of Object.entries(template)) {
      const evaluated = await evaluate(value, bindings);
      if (evaluated !== undefined) {
        out[key] = evaluated;
      }
    }
    return out;
  }
  return template;
}

// One execution, as a generator: it yields the seconds of each Wait and returns how it ended.
async function* execution(definition, event, aws) {
  const variables = {};
  const calls = [];
  const waits = [];
  let input = event;
  let name = definition.StartAt;
  for (let steps = 0; steps < 60; steps++) {
    const state = definition.States[name];
    const bindings = (extra) => ({ ...variables, states: { input, ...extra } });
    switch (state.Type) {
      case "Choice": {
        let next = state.Default;
        for (const rule of state.Choices) {
          if ((await evaluate(rule.Condition, bindings())) === true) {
            const assigned = {};
            for (const [key, value] of Object.entries(rule.Assign || {})) {
              assigned[key] = await evaluate(value, bindings());
            }
            Object.assign(variables, assigned);
            next = rule.Next;
            break;
          }
        }
        name = next;
        break;
      }
      case "Task": {
        const resource = state.Resource.replace(/^arn:[^:]+:states:::/, "");
        const args = await evaluate(state.Arguments, bindings());
        calls.push({ resource, args });
        let result;
        try {
          result = aws(resource, args, calls.length);
        } catch (error) {
          const catcher = (state.Catch || []).find((c) => c.ErrorEquals.includes(error.Error)
            || c.ErrorEquals.includes("States.ALL"));
          if (!catcher) {
            return { end: "unhandled " + error.Error, calls, waits, variables };
          }
          input = await evaluate(catcher.Output, bindings({ errorOutput: error }));
          name = catcher.Next;
          break;
        }
        input = state.Output === undefined ? result : await evaluate(state.Output, bindings({ result }));
        name = state.Next;
        break;
      }
      case "Wait":
        waits.push(state.Seconds);
        yield state.Seconds;
        name = state.Next;
        break;
      case "Succeed":
      case "Fail":
        return { end: name, calls, waits, variables };
      default:
        throw new Error(`state type ${state.Type} is not simulated`);
    }
  }
  throw new Error("more than 60 steps");
}

// Runs one execution to its end, skipping its waits.
async function run(definition, event, aws) {
  const steps = execution(definition, event, aws);
  for (;;) {
    const step = await steps.next();
    if (step.done) {
      return step.value;
    }
  }
}

function event(detail) {
  return {
    version: "0",
    "detail-type": "CodeArtifact Package Version State Change",
    source: "aws.codeartifact",
    detail: {
      domainName: "ml-platform",
      domainOwner: "123456789012",
      repositoryName: "pypi-store",
      packageFormat: "pypi",
      packageNamespace: null,
      packageName: "torch",
      packageVersion: "2.5.1",
      packageVersionState: "Published",
      packageVersionRevision: "0E5DE26A4CD79FDF3EBC4924FFFFFFFF",
      operationType: "Created",
      ...detail,
    },
  };
}

function describe(origin, status, revision) {
  return {
    PackageVersion: {
      Format: "pypi",
      PackageName: "torch",
      Version: "2.5.1",
      Status: status,
      Revision: revision,
      Origin: origin === undefined ? undefined : { OriginType: origin },
    },
  };
}

const NOT_FOUND = { Error: "Codeartifact.ResourceNotFoundException", Cause: "Package version not found" };

// Canned AWS: the answers to describing in the store, in the primary repository, and to copying,
// each list consumed in order (its last answer repeats); an answer with Error is thrown.
function canned({ store = [], primary = [NOT_FOUND], copy = [] }) {
  const lists = { store: [...store], primary: [...primary], copy: [...copy] };
  const next = (kind) => (lists[kind].length > 1 ? lists[kind].shift() : lists[kind][0]);
  return (resource, args) => {
    if (resource === "sns:publish") {
      return { MessageId: "m-1" };
    }
    const kind = resource.endsWith("copyPackageVersions") ? "copy"
      : args.Repository === "ml-models" ? "primary" : "store";
    const answer = next(kind);
    if (answer && answer.Error) {
      throw answer;
    }
    return answer;
  };
}

// A model of one domain: versions in the stores and in the primary repository, each with its
// assets, status, origin and revision. Options: omitEmptyFailedVersions (an SDK that drops empty
// maps), copyChangesRevision (the destination gets a revision of its own).
function world(options = {}) {
  const repositories = { "pypi-store": new Map(), "npmjs-store": new Map(), "ml-models": new Map() };
  let revisions = 0;
  const history = [];
  const key = (args) => `${args.Format}/${args.Namespace || ""}/${args.Package}/${args.PackageVersion}`;
  const self = {
    now: 0,
    history,
    repositories,
    ingest(store, coordinates, asset) {
      const k = key(coordinates);
      const held = repositories[store].get(k) || { assets: [], status: "Published", origin: "EXTERNAL" };
      const version = { ...held, assets: [...held.assets, asset], revision: `rev-${++revisions}` };
      repositories[store].set(k, version);
      return version.revision;
    },
    publish(repository, coordinates, asset) {
      repositories[repository].set(key(coordinates),
        { assets: [asset], status: "Published", origin: "INTERNAL", revision: `rev-${++revisions}` });
    },
    archive(store, coordinates) {
      repositories[store].get(key(coordinates)).status = "Archived";
    },
    aws(resource, args) {
      if (resource === "sns:publish") {
        return { MessageId: "m-1" };
      }
      if (resource.endsWith("describePackageVersion")) {
        const held = repositories[args.Repository].get(key(args));
        if (!held) {
          throw NOT_FOUND;
        }
        return { PackageVersion: { Format: args.Format, PackageName: args.Package, Version: args.PackageVersion,
          Status: held.status, Revision: held.revision, Origin: { OriginType: held.origin } } };
      }
      const [version, revision] = Object.entries(args.VersionRevisions)[0];
      const k = key({ ...args, PackageVersion: version });
      const source = repositories[args.SourceRepository].get(k);
      const destination = repositories[args.DestinationRepository].get(k);
      const answer = (successful, failed) => (options.omitEmptyFailedVersions && Object.keys(failed).length === 0
        ? { SuccessfulVersions: successful } : { SuccessfulVersions: successful, FailedVersions: failed });
      if (!source || source.revision !== revision) {
        return answer({}, { [version]: { ErrorCode: source ? "MISMATCHED_REVISION" : "NOT_FOUND" } });
      }
      // AWS: an identical version is not copied, and the copy counts as a success listing nothing.
      if (destination && JSON.stringify(destination.assets) === JSON.stringify(source.assets)) {
        return answer({}, {});
      }
      if (destination && !args.AllowOverwrite) {
        return answer({}, { [version]: { ErrorCode: "ALREADY_EXISTS", ErrorMessage: `Version ${version} already exists` } });
      }
      const copied = { ...source, assets: [...source.assets],
        revision: options.copyChangesRevision ? `copy-${++revisions}` : source.revision };
      repositories[args.DestinationRepository].set(k, copied);
      history.push({ at: self.now, assets: [...copied.assets] });
      return answer({ [version]: { Revision: copied.revision, Status: "Published" } }, {});
    },
  };
  return self;
}

// Runs executions and world changes on one simulated clock: each step is [time, action], where
// the action changes the world and may return an event, which starts an execution at that time.
async function simulate(definition, model, timeline) {
  const pending = timeline.map(([at, action], order) => ({ at, order, action }));
  const runs = [];
  let order = timeline.length;
  while (pending.length > 0) {
    pending.sort((a, b) => a.at - b.at || a.order - b.order);
    const item = pending.shift();
    model.now = item.at;
    let { running, record } = item;
    if (item.action) {
      const started = item.action(model);
      if (!started) {
        continue;
      }
      record = { startedAt: item.at };
      runs.push(record);
      running = execution(definition, started, (...args) => model.aws(...args));
    }
    const step = await running.next();
    if (step.done) {
      record.result = step.value;
    } else {
      pending.push({ at: item.at + step.value, order: order++, running, record });
    }
  }
  return runs;
}

const COPIED = { SuccessfulVersions: { "2.5.1": { Revision: "R1", Status: "Published" } }, FailedVersions: {} };
const failures = [];
function check(name, condition, detail) {
  if (!condition) {
    failures.push(`${name}: ${JSON.stringify(detail)}`);
  }
}
const copies = (result) => result.calls.filter((c) => c.resource.endsWith("copyPackageVersions"));

async function cannedCases(reference, withTopic) {
  const published = (revision) => describe("EXTERNAL", "Published", revision);
  const cases = [
    ["promoted", reference, event({}), { store: [published("R1")], copy: [COPIED] }, "Promoted"],
    ["already identical in the primary", reference, event({}),
      { store: [published("R1")], copy: [{ SuccessfulVersions: {}, FailedVersions: {} }] }, "Promoted"],
    ["empty FailedVersions", reference, event({}), { store: [published("R1")], copy: [COPIED] }, "Promoted"],
    ["absent FailedVersions", reference, event({}),
      { store: [published("R1")], copy: [{ SuccessfulVersions: { "2.5.1": { Revision: "R1" } } }] }, "Promoted"],
    ["null FailedVersions", reference, event({}),
      { store: [published("R1")], copy: [{ SuccessfulVersions: {}, FailedVersions: null }] }, "Promoted"],
    ["event revision in another form than the API's", reference, event({ packageVersionRevision: "Yad+B1Qc=" }),
      { store: [published("R1")], copy: [COPIED] }, "Promoted"],
    ["event without a revision", reference, event({ packageVersionRevision: undefined }),
      { store: [published("R1")], copy: [COPIED] }, "Promoted"],
    ["internal origin", reference, event({}), { store: [describe("INTERNAL", "Published", "R1")] }, "NotFromAPublicRegistry"],
    ["unknown origin", reference, event({}), { store: [describe("UNKNOWN", "Published", "R1")] }, "NotFromAPublicRegistry"],
    ["no origin", reference, event({}), { store: [describe(undefined, "Published", "R1")] }, "NotFromAPublicRegistry"],
    ["archived at start", reference, event({}), { store: [describe("EXTERNAL", "Archived", "R1")] }, "NotPublishedInStore"],
    ["archived during cooldown", reference, event({}),
      { store: [published("R1"), describe("EXTERNAL", "Archived", "R1")] }, "Vetoed"],
    ["unlisted during cooldown", reference, event({}),
      { store: [published("R1"), describe("EXTERNAL", "Unlisted", "R2")] }, "Vetoed"],
    ["disposed during cooldown", reference, event({}),
      { store: [published("R1"), describe("EXTERNAL", "Disposed", "R1")] }, "NotPublishedInStore"],
    ["revision change during the cooldown", reference, event({}),
      { store: [published("R1"), published("R2")], copy: [COPIED] }, "Promoted"],
    ["aged version gains an asset", reference, event({}),
      { store: [published("R2")], primary: [published("R1")], copy: [COPIED] }, "Promoted"],
    ["aged version, primary already at the store's revision", reference, event({}),
      { store: [published("R1")], primary: [published("R1")] }, "AlreadyPromoted"],
    ["primary holds an internal version of that name", reference, event({}),
      { store: [published("R1")], primary: [describe("INTERNAL", "Published", "I1")] }, "PromotionFailed"],
    ["promoted by another execution during the cooldown", reference, event({}),
      { store: [published("R1"), published("R2")], primary: [NOT_FOUND, published("R2")] }, "AlreadyPromoted"],
    ["copy races another execution", reference, event({}),
      { store: [published("R1"), published("R2")], primary: [NOT_FOUND, NOT_FOUND, published("R1")],
        copy: [{ SuccessfulVersions: {}, FailedVersions: { "2.5.1": { ErrorCode: "ALREADY_EXISTS" } } }, COPIED] },
      "Promoted"],
    ["ALREADY_EXISTS twice", reference, event({}),
      { store: [published("R1")], primary: [NOT_FOUND],
        copy: [{ SuccessfulVersions: {}, FailedVersions: { "2.5.1": { ErrorCode: "ALREADY_EXISTS" } } }] },
      "PromotionFailed"],
    ["copy reports a mismatched revision", reference, event({}), { store: [published("R1")],
      copy: [{ SuccessfulVersions: {}, FailedVersions: { "2.5.1": { ErrorCode: "MISMATCHED_REVISION" } } }] },
      "PromotionFailed"],
    ["describe fails", reference, event({}), { store: [{ Error: "Codeartifact.AccessDeniedException", Cause: "no" }] },
      "PromotionFailed"],
    ["describe in the primary fails otherwise", reference, event({}),
      { store: [published("R1")], primary: [{ Error: "Codeartifact.AccessDeniedException", Cause: "no" }] },
      "PromotionFailed"],
    ["copy fails", reference, event({}),
      { store: [published("R1")], copy: [{ Error: "Codeartifact.AccessDeniedException", Cause: "no" }] }, "PromotionFailed"],
    ["other repository", reference, event({ repositoryName: "ml-models" }), {}, "NotForTheAirlock"],
    ["other format", reference, event({ packageFormat: "npm" }), {}, "NotForTheAirlock"],
    ["other domain", reference, event({ domainName: "other" }), {}, "NotForTheAirlock"],
    ["other owner", reference, event({ domainOwner: "444455556666" }), {}, "NotForTheAirlock"],
    ["unfinished", reference, event({ packageVersionState: "Unfinished" }), {}, "NotForTheAirlock"],
    ["no version", reference, event({ packageVersion: undefined }), {}, "NotForTheAirlock"],
    ["empty input", reference, {}, {}, "NotForTheAirlock"],
    ["npm store with topic", withTopic, event({ repositoryName: "npmjs-store", packageFormat: "npm",
      packageNamespace: "types", packageName: "react" }), { store: [published("R1")], copy: [COPIED] }, "Promoted"],
    ["failure with topic", withTopic, event({}), { store: [published("R1")], copy: [{ SuccessfulVersions: {},
      FailedVersions: { "2.5.1": { ErrorCode: "NOT_ALLOWED" } } }] }, "PromotionFailed"],
  ];
  const results = {};
  for (const [name, definition, input, answers, expected] of cases) {
    const result = await run(definition, input, canned(answers));
    results[name] = result;
    check(name, result.end === expected, { expected, got: result.end });
    if (expected !== "PromotionFailed") {
      check(`${name}: copies exactly when promoted`, (copies(result).length > 0) === (expected === "Promoted"),
        copies(result));
    }
  }

  const promoted = results["promoted"];
  const [inStore, inPrimary, , , copy] = promoted.calls;
  const coordinates = { Domain: "ml-platform", DomainOwner: "123456789012", Format: "pypi", Package: "torch" };
  check("describe arguments", JSON.stringify(inStore.args) === JSON.stringify({
    ...coordinates, Repository: "pypi-store", PackageVersion: "2.5.1" }), inStore.args);
  check("describe in the primary", JSON.stringify(inPrimary.args) === JSON.stringify({
    ...coordinates, Repository: "ml-models", PackageVersion: "2.5.1" }), inPrimary.args);
  check("copy arguments", JSON.stringify(copy.args) === JSON.stringify({ ...coordinates,
    SourceRepository: "pypi-store", DestinationRepository: "ml-models",
    VersionRevisions: { "2.5.1": "R1" }, AllowOverwrite: false, IncludeFromUpstream: false }), copy.args);
  check("one wait of the cooldown", JSON.stringify(promoted.waits) === JSON.stringify([COOLDOWN]), promoted.waits);
  check("no wait without an external origin", results["internal origin"].waits.length === 0, results["internal origin"].waits);
  check("no copy when vetoed", results["archived during cooldown"].calls.length === 3, results["archived during cooldown"].calls);

  const changed = copies(results["revision change during the cooldown"]);
  check("the copy is pinned to the revision seen after the cooldown", changed.length === 1
    && JSON.stringify(changed[0].args.VersionRevisions) === JSON.stringify({ "2.5.1": "R2" }), changed);
  const later = results["aged version gains an asset"];
  check("a later asset of an aged version is copied at once, overwriting", later.waits.length === 0
    && copies(later)[0].args.AllowOverwrite === true
    && JSON.stringify(copies(later)[0].args.VersionRevisions) === JSON.stringify({ "2.5.1": "R2" }), later.calls);
  check("an internal version in the primary is never copied over", copies(results["primary holds an internal version of that name"]).length === 0,
    results["primary holds an internal version of that name"].calls);
  const race = copies(results["copy races another execution"]);
  check("a copy that finds the version arrived meanwhile is retried with overwrite", race.length === 2
    && race[0].args.AllowOverwrite === false && race[1].args.AllowOverwrite === true, race);
  check("ALREADY_EXISTS is described again only once", copies(results["ALREADY_EXISTS twice"]).length === 2,
    results["ALREADY_EXISTS twice"].calls);

  const npm = results["npm store with topic"];
  check("namespace sent when the event has one", npm.calls[0].args.Namespace === "types" && npm.calls[0].args.Repository === "npmjs-store"
    && npm.calls[1].args.Namespace === "types" && copies(npm)[0].args.Namespace === "types", npm.calls);
  const promotedMessage = npm.calls.find((c) => c.resource === "sns:publish");
  const message = promotedMessage && JSON.parse(promotedMessage.args.Message);
  check("promotion notified", message && message.outcome === "promoted" && message.namespace === "types"
    && message.version === "2.5.1" && message.destination === "ml-models" && message.waited === true
    && message.overwrote === false && message.revision === "R1", promotedMessage);
  const failed = results["failure with topic"].calls.find((c) => c.resource === "sns:publish");
  check("failure notified", failed && JSON.parse(failed.args.Message).outcome === "failed"
    && failed.args.Subject === "mlregistry airlock: promotion failed", failed);
  return cases.length;
}

const TORCH = { Format: "pypi", Package: "torch", PackageVersion: "2.5.1" };
const arrives = (store, coordinates, asset, detail = {}) => (model) => {
  const revision = model.ingest(store, coordinates, asset);
  return event({ repositoryName: store, packageFormat: coordinates.Format, packageName: coordinates.Package,
    packageNamespace: coordinates.Namespace || null, packageVersion: coordinates.PackageVersion,
    packageVersionRevision: `event-${revision}`, ...detail });
};

async function worldCases(reference, withTopic) {
  let count = 0;
  // A PyPI version's wheels arrive one by one: Linux first, macOS during the cooldown, Windows after
  // the promotion. The version waits once, from its first sighting, and no wheel is refused.
  for (const options of [{}, { omitEmptyFailedVersions: true }, { copyChangesRevision: true }]) {
    const label = `multi-wheel PyPI version ${JSON.stringify(options)}`;
    const model = world(options);
    const runs = await simulate(reference, model, [
      [0, arrives("pypi-store", TORCH, "torch-2.5.1-cp312-manylinux_2_28_x86_64.whl")],
      [1 * HOUR, arrives("pypi-store", TORCH, "torch-2.5.1-cp312-macosx_11_0_arm64.whl")],
      [COOLDOWN + 5 * HOUR, arrives("pypi-store", TORCH, "torch-2.5.1-cp312-win_amd64.whl")],
    ]);
    count++;
    const ends = runs.map((r) => r.result.end);
    check(`${label}: every execution ends well`, ends.every((e) => ["Promoted", "AlreadyPromoted"].includes(e)), ends);
    check(`${label}: nothing reaches the primary before the cooldown`, model.history.every((h) => h.at >= COOLDOWN),
      model.history);
    check(`${label}: the first two wheels go together when the first has waited`, model.history.length >= 2
      && model.history[0].at === COOLDOWN && model.history[0].assets.length === 2, model.history);
    const last = model.history[model.history.length - 1];
    check(`${label}: the late wheel follows at once`, last.at === COOLDOWN + 5 * HOUR && last.assets.length === 3,
      model.history);
    check(`${label}: only executions of an unpromoted version wait`, JSON.stringify(runs.map((r) => r.result.waits.length))
      === JSON.stringify([1, 1, 0]), runs.map((r) => r.result.waits));
    check(`${label}: nothing fails as ALREADY_EXISTS`, runs.every((r) => r.result.end !== "PromotionFailed"), ends);
  }
  {
    // An npm version of a scoped package, through the topic's definition.
    const model = world();
    const react = { Format: "npm", Namespace: "types", Package: "react", PackageVersion: "19.0.0" };
    const runs = await simulate(withTopic, model, [[0, arrives("npmjs-store", react, "react-19.0.0.tgz")]]);
    count++;
    check("npm version: promoted after the cooldown", runs[0].result.end === "Promoted"
      && model.history.length === 1 && model.history[0].at === 7 * 24 * HOUR, { runs, history: model.history });
    check("npm version: the scope is sent on every call", runs[0].result.calls
      .filter((c) => c.resource.startsWith("aws-sdk")).every((c) => c.args.Namespace === "types"), runs[0].result.calls);
  }
  {
    // The Linux wheel waits; a vetoed version never reaches the primary, even when a wheel arrives later.
    const model = world();
    const runs = await simulate(reference, model, [
      [0, arrives("pypi-store", TORCH, "torch-2.5.1-cp312-manylinux_2_28_x86_64.whl")],
      [2 * HOUR, (m) => m.archive("pypi-store", TORCH)],
    ]);
    count++;
    check("veto: nothing copied", runs[0].result.end === "Vetoed" && model.history.length === 0, runs[0].result);
  }
  {
    // A public version that takes the name and version of one published to the primary is never copied over it.
    const model = world();
    model.publish("ml-models", TORCH, "torch-2.5.1-internal.whl");
    const runs = await simulate(reference, model, [[0, arrives("pypi-store", TORCH, "torch-2.5.1-public.whl")]]);
    count++;
    check("internal version kept", runs[0].result.end === "PromotionFailed" && model.history.length === 0
      && model.repositories["ml-models"].get("pypi//torch/2.5.1").assets[0] === "torch-2.5.1-internal.whl", runs[0].result);
  }
  return count;
}

async function main() {
  const reference = load("reference-pypi.json");
  const withTopic = load("pypi-npm-topic.json");
  const canned = await cannedCases(reference, withTopic);
  const simulated = await worldCases(reference, withTopic);
  if (failures.length > 0) {
    console.error(`airlock scenarios failed:\n${failures.join("\n")}`);
    process.exit(1);
  }
  console.log(`jsonata ${require("jsonata-sfn/package.json").version}: ${canned} canned and ${simulated} simulated `
    + "airlock scenarios as expected");
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
