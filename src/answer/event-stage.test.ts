import { describe, expect, it } from "vitest";
import { askedPastEvents, namesDone, onlyIntended } from "./event-stage.js";

describe("event stage", () => {
  const setUp = askedPastEvents("When was the centre set up?");

  it("reads the event a past-tense question asks about, and none of a question about plans", () => {
    expect(setUp).toHaveLength(1);
    expect(askedPastEvents("When will the centre be set up?")).toEqual([]);
    expect(askedPastEvents("When was the centre proposed to be set up?")).toEqual([]);
    expect(askedPastEvents("The ministry was to set up an office of the centre. Where?")).toEqual([]);
    expect(askedPastEvents("What is the centre for?")).toEqual([]);
    expect(askedPastEvents("What did the review of Action Plan II conclude?")).toHaveLength(1);
  });

  it("tells a sentence that only intends the event from one that tells it happened", () => {
    expect(onlyIntended("In 2007 the leader proposed to set up the centre.", setUp)).toBe(true);
    expect(onlyIntended("In 2010 the ministry established the centre.", setUp)).toBe(false);
    expect(onlyIntended("It proposed to set up a centre, and in 2010 established it.", setUp)).toBe(false);
    expect(onlyIntended("The forum met in 2012.", setUp)).toBe(false);
    const concluded = askedPastEvents("What did the 2018 review conclude?");
    expect(onlyIntended("The parties will carry out a review in 2018.", concluded)).toBe(true);
    expect(onlyIntended("The parties carried out a review in 2018.", concluded)).toBe(false);
    const held = askedPastEvents("Where was the workshop held?");
    expect(onlyIntended("A workshop is planned to be held sometime in 2007.", held)).toBe(true);
    const adopted = askedPastEvents("When was the framework adopted?");
    expect(onlyIntended("The Strategy and Action Plan (2021-2025) was jointly adopted.", adopted)).toBe(false);
    expect(onlyIntended("The framework is planned to be adopted next year.", adopted)).toBe(true);
  });

  it("counts another word for the same event as naming it done", () => {
    expect(namesDone("In 2010 the ministry established the centre.", setUp)).toBe(true);
    expect(namesDone("In 2007 the leader proposed to set up the centre.", setUp)).toBe(false);
    expect(namesDone("The centre hosts a forum.", setUp)).toBe(false);
  });
});
