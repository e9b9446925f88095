/** A guide that follows the person: where they are, getting down and up by place, pain, and holding a position. */
import { talkTo, type Dialog } from '../support/dialog';
import { MORE_QUESTIONS, SCREEN } from '../../lambda/src/content/screen';

const stepOf = (d: Dialog): unknown => (d.last.response?.sessionAttributes?.bh as { step?: unknown } | undefined)?.step;

async function cleared(d: Dialog) {
  await d.user('alexa, ask back helper, my back went out', 'BackWentOutIntent');
  for (let i = 0; i < SCREEN.length; i++) await d.user('no', 'AMAZON.NoIntent');
}
async function laterNoes(d: Dialog) {
  for (let i = 0; i < MORE_QUESTIONS.length; i++) await d.user('no', 'AMAZON.NoIntent');
}
/** Cleared, settled where they said, no breathing, Q6-Q11 answered: at the tilts offer. */
async function toTiltsOffer(d: Dialog, place: string) {
  await cleared(d);
  await d.user(place);
  await d.user('done');
  await d.user('no');
  await laterNoes(d);
}
/** ...then no tilts, and yes to getting up: the first step of getting up. */
async function toGettingUp(d: Dialog, place: string) {
  await toTiltsOffer(d, place);
  await d.user('no');
  return d.user('yes');
}

describe('where they are', () => {
  it('a person standing at the sink is given a resting position, held with them, and can be talked down to the floor', async () => {
    const d = talkTo();
    await cleared(d);
    const sink = await d.user("i'm at the sink and i can't straighten up", 'StandingIntent');
    expect(sink.speech).toContain('Keep your knees soft, and let your belly relax.');
    // Held with them in the same reply: quiet made of breaks, with a few calm cues.
    expect((sink.response!.response.outputSpeech as { ssml: string }).ssml).toMatch(/<break time="\d+ms"\/>.*Let your belly soften\./);
    const age = await d.user('help me lie down', 'LieDownIntent');
    // The age first: the way down is for someone who can get back up.
    expect(age.speech).toContain('Before we start: are you over sixty-five?');
    const down = await d.user('no');
    expect(down.speech).toContain('Hold a sturdy chair or the counter with both hands.');
    await d.user('next');
    const knees = await d.user('next');
    expect(knees.speech).toContain('You are on your hands and knees now. You can rest here.');
    await d.user('next');
    const rest = await d.user('next');
    // Never left at "get down": the floor's resting positions follow.
    expect(rest.speech).toContain('Lie on your back with your knees bent.');
    expect(stepOf(d)).toBe('positionHold');
  });

  it('a 75-year-old at the sink is not talked down to the floor alone', async () => {
    const d = talkTo();
    await cleared(d);
    await d.user("i'm standing at the sink", 'StandingIntent');
    await d.user('help me lie down', 'LieDownIntent');
    const old = await d.user("i'm seventy five", 'AgeIntent');
    expect(old.speech).toContain('Only get down to the floor if someone is with you to help you up.');
    expect(old.speech).not.toContain('lower yourself onto one knee');
    expect(stepOf(d)).toBe('positionHold');
  });

  it('a person in a chair is not left sitting: a supported seat, and the way down offered', async () => {
    const d = talkTo();
    await cleared(d);
    const chair = await d.user("i'm sitting in a chair at my desk", 'SittingIntent');
    expect(chair.speech).toContain('sit back with your back supported and your feet flat');
    expect(chair.speech).toContain('help me lie down');
  });

  it('holds a position for another minute when asked, inside one reply', async () => {
    const d = talkTo();
    await cleared(d);
    await d.user("i'm in bed", 'InBedIntent');
    const more = await d.user('another minute', 'AnotherMinuteIntent');
    const breaks = (more.response!.response.outputSpeech as { ssml: string }).ssml.match(/<break time="(\d+)ms"\/>/g) ?? [];
    const quiet = breaks.reduce((ms, b) => ms + Number(/\d+/.exec(b)![0]), 0);
    expect(quiet).toBeGreaterThan(45_000);
    expect(more.speech).toContain('How is that?');
  });
});

describe('getting up by place', () => {
  it('from the floor: side, hands and knees, a chair, push up with the legs; never a bed edge', async () => {
    const d = talkTo();
    const first = await toGettingUp(d, "i'm on the bathroom floor");
    const said = [first.speech];
    for (let i = 0; i < 5; i++) said.push((await d.user('next')).speech);
    const all = said.join(' ');
    expect(all).toContain('Push yourself up onto your hands and knees.');
    expect(all).toContain('Crawl slowly to a sturdy chair or sofa.');
    expect(all).toContain('push up with your legs');
    expect(all).not.toContain('edge of the bed');
  });

  it('"there\'s no bed" during the log roll switches to the floor route', async () => {
    const d = talkTo();
    await toGettingUp(d, "i'm in bed");
    const floor = await d.user("there's no bed", 'OnFloorIntent');
    expect(floor.speech).toContain('Bend your knees, and roll onto your side, all in one piece.');
    await d.user('next');
    expect((await d.user('next')).speech).not.toContain('edge of the bed');
  });
});

describe('pain during an exercise means stop, kindly', () => {
  it('"ouch" in the tilts: back to resting, one question about the legs; a yes is an emergency', async () => {
    const d = talkTo();
    await toTiltsOffer(d, "i'm on my back");
    await d.user('yes'); // tilts
    const ouch = await d.user('ouch', 'FeelWorseIntent');
    expect(ouch.speech).toContain('Then stop there, gently. Go back to the position that felt easiest, and rest.');
    expect(ouch.speech).toContain('Is pain now going down both legs, or is there numbness between your legs?');
    const yes = await d.user('yes');
    expect(yes.speech).toMatch(/^You said pain goes down both legs, or it is numb between your legs\. Call 911 now/);
  });

  it('"that hurts" while getting up stops the steps, and a no carries on without them', async () => {
    const d = talkTo();
    await toGettingUp(d, "i'm in bed");
    const hurt = await d.user('that hurts', 'FeelWorseIntent');
    expect(hurt.speech).toContain('Then stop there, gently.');
    const no = await d.user('no');
    expect(no.speech).toContain('Rest as long as you need.');
    expect(stepOf(d)).not.toBe('getUp');
  });
});

describe('Echo Show', () => {
  it('keeps the red call banner through breathing after an emergency, and shows no hint on the closing screen', async () => {
    const d = talkTo('en-US', { apl: true });
    await d.user('alexa, ask back helper, my back went out', 'BackWentOutIntent');
    await d.user('yes');
    const breathing = await d.user('yes');
    const screenOf = (t: typeof breathing) =>
      (t.response!.response.directives?.find((x) => x.type === 'Alexa.Presentation.APL.RenderDocument') as { datasources?: { backHelper?: Record<string, unknown> } } | undefined)?.datasources?.backHelper;
    expect(screenOf(breathing)).toMatchObject({ urgent: true, title: 'Call 911 now' });
    const bye = await d.user('stop');
    expect(screenOf(bye)?.hint).toBe('');
  });
});
