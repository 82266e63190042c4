#!/usr/bin/env node
// Walks the airlock's state machine through scenarios, evaluating its JSONata expressions with
// jsonata 2.0.6 (the version AWS states Step Functions implements) and answering its AWS calls
// with canned results. This is not Step Functions: it follows Choice, Task, Wait, Succeed and Fail
// states, Choice-rule Assign, task Arguments and Output, and Catch to States.ALL, which is all the
// airlock uses; it checks the logic of the expressions, not how AWS runs them.
// Usage: node scenarios.js <directory holding reference-pypi.json and pypi-npm-topic.json>.
"use strict";
const fs = require("fs");
const path = require("path");
const jsonata = require("jsonata-sfn");

const dir = process.argv[2];
const load = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
const EXPRESSION = /^\{%(.*)%\}$/s;

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

async function run(definition, event, aws) {
  const variables = {};
  const calls = [];
  const waits = [];
  let input = event;
  let name = definition.StartAt;
  for (let steps = 0; steps < 50; steps++) {
    const state = definition.States[name];
    const bindings = (extra) => ({ ...variables, states: { input, ...extra } });
    switch (state.Type) {
      case "Choice": {
        let next = state.Default;
        for (const rule of state.Choices) {
          if ((await evaluate(rule.Condition, bindings())) === true) {
            for (const [key, value] of Object.entries(rule.Assign || {})) {
              variables[key] = await evaluate(value, bindings());
            }
            next = rule.Next;
            break;
          }
        }
        name = next;
        break;
      }
      case "Task": {
        const args = await evaluate(state.Arguments, bindings());
        calls.push({ resource: state.Resource.replace(/^arn:[^:]+:states:::/, ""), args });
        let result;
        try {
          result = aws(state.Resource.replace(/^arn:[^:]+:states:::/, ""), args, calls.length);
        } catch (error) {
          const catcher = (state.Catch || []).find((c) => c.ErrorEquals.includes("States.ALL"));
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
        name = state.Next;
        break;
      case "Succeed":
      case "Fail":
        return { end: name, calls, waits, variables };
      default:
        throw new Error(`state type ${state.Type} is not simulated`);
    }
  }
  throw new Error("more than 50 steps");
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
      packageName: "requests",
      packageVersion: "2.32.3",
      packageVersionState: "Published",
      packageVersionRevision: "REV-1",
      operationType: "Created",
      ...detail,
    },
  };
}

function describe(origin, status, revision) {
  return {
    PackageVersion: {
      Format: "pypi",
      PackageName: "requests",
      Version: "2.32.3",
      Status: status,
      Revision: revision,
      Origin: origin === undefined ? undefined : { OriginType: origin },
    },
  };
}

// Canned AWS: the first and second describe answers, then the copy's answer (or an error to throw).
function aws(first, second, copy) {
  return (resource, args, call) => {
    if (resource === "sns:publish") {
      return { MessageId: "m-1" };
    }
    const answer = resource.endsWith("describePackageVersion") ? (call === 1 ? first : second) : copy;
    if (answer && answer.Error) {
      throw answer;
    }
    return answer;
  };
}

const COPIED = { SuccessfulVersions: { "2.32.3": { Revision: "REV-1", Status: "Published" } }, FailedVersions: {} };
const failures = [];
function check(name, condition, detail) {
  if (!condition) {
    failures.push(`${name}: ${JSON.stringify(detail)}`);
  }
}

async function main() {
  const reference = load("reference-pypi.json");
  const withTopic = load("pypi-npm-topic.json");
  const published = describe("EXTERNAL", "Published", "REV-1");
  const cases = [
    ["promoted", reference, event({}), aws(published, published, COPIED), "Promoted"],
    ["already identical in the primary", reference, event({}), aws(published, published, { SuccessfulVersions: {}, FailedVersions: {} }), "Promoted"],
    ["internal origin", reference, event({}), aws(describe("INTERNAL", "Published", "REV-1")), "NotFromAPublicRegistry"],
    ["unknown origin", reference, event({}), aws(describe("UNKNOWN", "Published", "REV-1")), "NotFromAPublicRegistry"],
    ["no origin", reference, event({}), aws(describe(undefined, "Published", "REV-1")), "NotFromAPublicRegistry"],
    ["newer revision at start", reference, event({}), aws(describe("EXTERNAL", "Published", "REV-2")), "ChangedSinceEvent"],
    ["archived at start", reference, event({}), aws(describe("EXTERNAL", "Archived", "REV-1")), "ChangedSinceEvent"],
    ["archived during cooldown", reference, event({}), aws(published, describe("EXTERNAL", "Archived", "REV-1")), "Vetoed"],
    ["unlisted during cooldown", reference, event({}), aws(published, describe("EXTERNAL", "Unlisted", "REV-1")), "Vetoed"],
    ["new revision during cooldown", reference, event({}), aws(published, describe("EXTERNAL", "Published", "REV-2")), "ChangedSinceEvent"],
    ["copy reports a failed version", reference, event({}), aws(published, published,
      { SuccessfulVersions: {}, FailedVersions: { "2.32.3": { ErrorCode: "MISMATCHED_REVISION" } } }), "PromotionFailed"],
    ["copy answer without FailedVersions", reference, event({}), aws(published, published, { successfulVersions: {} }), "PromotionFailed"],
    ["describe fails", reference, event({}), aws({ Error: "Codeartifact.ResourceNotFoundException", Cause: "gone" }), "PromotionFailed"],
    ["copy fails", reference, event({}), aws(published, published, { Error: "Codeartifact.AccessDeniedException", Cause: "no" }), "PromotionFailed"],
    ["other repository", reference, event({ repositoryName: "ml-models" }), aws(), "NotForTheAirlock"],
    ["other format", reference, event({ packageFormat: "npm" }), aws(), "NotForTheAirlock"],
    ["other domain", reference, event({ domainName: "other" }), aws(), "NotForTheAirlock"],
    ["other owner", reference, event({ domainOwner: "444455556666" }), aws(), "NotForTheAirlock"],
    ["unfinished", reference, event({ packageVersionState: "Unfinished" }), aws(), "NotForTheAirlock"],
    ["no revision", reference, event({ packageVersionRevision: undefined }), aws(), "NotForTheAirlock"],
    ["empty input", reference, {}, aws(), "NotForTheAirlock"],
    ["npm store with topic", withTopic, event({ repositoryName: "npmjs-store", packageFormat: "npm", packageNamespace: "types", packageName: "react" }),
      aws(published, published, COPIED), "Promoted"],
    ["failure with topic", withTopic, event({}), aws(published, published,
      { SuccessfulVersions: {}, FailedVersions: { "2.32.3": { ErrorCode: "NOT_ALLOWED" } } }), "PromotionFailed"],
  ];
  const results = {};
  for (const [name, definition, input, answers, expected] of cases) {
    const result = await run(definition, input, answers);
    results[name] = result;
    check(name, result.end === expected, { expected, got: result.end });
    const copies = result.calls.filter((c) => c.resource.endsWith("copyPackageVersions"));
    if (expected !== "PromotionFailed") {
      check(`${name}: copies exactly when promoted`, copies.length === (expected === "Promoted" ? 1 : 0), copies);
    }
  }

  const promoted = results["promoted"];
  const [first, , copy] = promoted.calls;
  check("describe arguments", JSON.stringify(first.args) === JSON.stringify({
    Domain: "ml-platform", DomainOwner: "123456789012", Format: "pypi", Package: "requests",
    Repository: "pypi-store", PackageVersion: "2.32.3" }), first.args);
  check("copy arguments", JSON.stringify(copy.args) === JSON.stringify({
    Domain: "ml-platform", DomainOwner: "123456789012", Format: "pypi", Package: "requests",
    SourceRepository: "pypi-store", DestinationRepository: "ml-models",
    VersionRevisions: { "2.32.3": "REV-1" }, AllowOverwrite: false, IncludeFromUpstream: false }), copy.args);
  check("one wait of the cooldown", JSON.stringify(promoted.waits) === JSON.stringify([72 * 3600]), promoted.waits);
  check("no wait without an external origin", results["internal origin"].waits.length === 0, results["internal origin"].waits);
  check("no copy when vetoed", results["archived during cooldown"].calls.length === 2, results["archived during cooldown"].calls);

  const npm = results["npm store with topic"];
  check("namespace sent when the event has one", npm.calls[0].args.Namespace === "types" && npm.calls[0].args.Repository === "npmjs-store",
    npm.calls[0].args);
  const promotedMessage = npm.calls.find((c) => c.resource === "sns:publish");
  const message = promotedMessage && JSON.parse(promotedMessage.args.Message);
  check("promotion notified", message && message.outcome === "promoted" && message.namespace === "types"
    && message.version === "2.32.3" && message.destination === "ml-models", promotedMessage);
  const failed = results["failure with topic"].calls.find((c) => c.resource === "sns:publish");
  check("failure notified", failed && JSON.parse(failed.args.Message).outcome === "failed"
    && failed.args.Subject === "mlregistry airlock: promotion failed", failed);

  if (failures.length > 0) {
    console.error(`airlock scenarios failed:\n${failures.join("\n")}`);
    process.exit(1);
  }
  console.log(`jsonata ${require("jsonata-sfn/package.json").version}: ${cases.length} airlock scenarios as expected`);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
