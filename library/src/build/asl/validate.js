#!/usr/bin/env node
// Validates every state machine definition the tests wrote against the Amazon States Language.
// Usage: node validate.js <directory>. Fails when the directory holds no definition, so that a
// test that stopped writing them cannot pass silently.
"use strict";
const fs = require("fs");
const path = require("path");
const validator = require("asl-validator");

const dir = process.argv[2];
if (!dir) {
  console.error("usage: node validate.js <directory of *.json definitions>");
  process.exit(2);
}
const files = fs.existsSync(dir)
  ? fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()
  : [];
if (files.length === 0) {
  console.error(`No state machine definition in ${dir}: did the tests run?`);
  process.exit(1);
}
let invalid = 0;
for (const file of files) {
  const definition = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  const { isValid, errorsText } = validator(definition, { checkPaths: true, checkArn: true });
  if (!isValid) {
    invalid++;
    console.error(`${file} is not valid Amazon States Language:\n${errorsText("\n")}`);
  }
}
const version = require("asl-validator/package.json").version;
console.log(`asl-validator ${version}: ${files.length - invalid} of ${files.length} definitions valid`);
process.exit(invalid === 0 ? 0 : 1);
