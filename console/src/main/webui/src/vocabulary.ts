import type { PainReport } from './api/clients';

// The journal's checklist (journal-vocabulary.md). The values are typed against the journal's generated API types,
// so a code the journal does not know fails the build; the words are what a patient reads.
type Item<T> = NonNullable<T> extends (infer U)[] ? U : never;
type Location = Item<PainReport['locations']>;
type Symptom = Item<PainReport['associatedSymptoms']>;

export const SITES: [NonNullable<Location['site']>, string][] = [
  ['LOWER_BACK', 'Lower back'], ['MID_BACK', 'Middle of the back'], ['UPPER_BACK', 'Upper back'], ['NECK', 'Neck'],
  ['BUTTOCK', 'Buttock'], ['HIP', 'Hip'], ['GROIN', 'Groin'], ['LEG_ABOVE_KNEE', 'Leg above the knee'],
  ['LEG_BELOW_KNEE', 'Leg below the knee'], ['FOOT', 'Foot'],
];
export const SIDES: [NonNullable<Location['side']>, string][] = [
  ['LEFT', 'left'], ['RIGHT', 'right'], ['BOTH', 'both sides'], ['MIDLINE', 'middle'],
];
export const QUALITIES: [Item<PainReport['qualities']>, string][] = [
  ['DULL', 'Dull'], ['ACHING', 'Aching'], ['SHARP', 'Sharp'], ['STABBING', 'Stabbing'], ['BURNING', 'Burning'],
  ['TINGLING', 'Tingling'], ['ELECTRIC', 'Electric'], ['THROBBING', 'Throbbing'], ['CRAMPING', 'Cramping'],
  ['STIFF', 'Stiff'],
];
export const ONSETS: [NonNullable<PainReport['onset']>, string][] = [['SUDDEN', 'Suddenly'], ['GRADUAL', 'Gradually']];
export const TIMINGS: [Item<PainReport['timing']>, string][] = [
  ['DURING_EXERCISE', 'During exercise'], ['IMMEDIATELY_AFTER_EXERCISE', 'Right after exercise'],
  ['HOURS_AFTER_EXERCISE', 'Hours after exercise'], ['AT_REST', 'At rest'], ['AT_NIGHT', 'Wakes me at night'],
  ['ON_WAKING', 'On waking'], ['CONSTANT', 'All the time'], ['WITH_MOVEMENT', 'When I move'],
];
export const TRIGGERS: [Item<PainReport['triggers']>, string][] = [
  ['BENDING_FORWARD', 'Bending forward'], ['BENDING_BACKWARD', 'Bending backward'], ['SIDE_BENDING', 'Bending sideways'],
  ['TWISTING', 'Twisting'], ['LIFTING', 'Lifting'], ['SITTING', 'Sitting'], ['STANDING', 'Standing'],
  ['WALKING', 'Walking'], ['COUGHING_SNEEZING', 'Coughing or sneezing'], ['EXERCISE', 'Exercise'],
];
export const RELIEVERS: [Item<PainReport['relievingFactors']>, string][] = [
  ['REST', 'Rest'], ['LYING_DOWN', 'Lying down'], ['POSITION_CHANGE', 'Changing position'], ['MOVEMENT', 'Moving'],
  ['HEAT', 'Heat'], ['ICE', 'Ice'], ['MEDICATION', 'Medication'], ['STRETCHING', 'Stretching'],
  ['NOTHING_HELPS', 'Nothing helps'],
];
/** Symptoms beside the pain; the leg symptoms take a side and whether they are getting worse. */
export const SYMPTOMS: [NonNullable<Symptom['code']>, string, boolean][] = [
  ['SADDLE_NUMBNESS', 'Numbness around the groin, buttocks or inner thighs', false],
  ['BLADDER_DYSFUNCTION', 'New trouble passing or holding urine', false],
  ['BOWEL_DYSFUNCTION', 'Loss of bowel control', false],
  ['SEXUAL_DYSFUNCTION', 'New sexual problems', false],
  ['NUMBNESS', 'Numbness in a leg', true], ['TINGLING', 'Pins and needles in a leg', true],
  ['WEAKNESS', 'Weakness in a leg', true], ['GAIT_DISTURBANCE', 'Difficulty walking', false],
  ['FEVER', 'Fever', false], ['CHILLS', 'Chills', false], ['UNEXPLAINED_WEIGHT_LOSS', 'Weight loss without trying', false],
];
export const LEG_SIDES: [NonNullable<Symptom['side']>, string][] = [['LEFT', 'left'], ['RIGHT', 'right'], ['BOTH', 'both legs']];
export const TRAUMAS: [NonNullable<PainReport['trauma']>, string][] = [
  ['NONE', 'No injury'], ['MINOR', 'A minor fall or knock'], ['MAJOR', 'A serious accident or fall from height'],
];
export const TREATMENTS: [Item<PainReport['treatments']>, string][] = [
  ['HEAT', 'Heat'], ['ICE', 'Ice'], ['MASSAGE', 'Massage'], ['PHYSIOTHERAPY', 'Physiotherapy'],
  ['CHIROPRACTIC', 'Chiropractic'], ['ACUPUNCTURE', 'Acupuncture'], ['TOPICAL_ANALGESIC', 'Pain-relief gel or cream'],
  ['BRACE', 'Brace or support'], ['OTHER', 'Other'],
];
type Medication = Item<PainReport['medications']>;
export const MEDICATION_EFFECTS: [NonNullable<Medication['effect']>, string][] = [
  ['NONE', 'did not help'], ['SOME', 'helped a little'], ['GOOD', 'helped a lot'],
];
type SelfTestResult = NonNullable<PainReport['selfTests']>[string];
export const SELF_TEST_RESULTS: [SelfTestResult, string][] = [
  ['NO_PAIN', 'No pain'], ['REPRODUCES_PAIN', 'Brings on my pain'], ['COULD_NOT_PERFORM', 'Could not do it'],
];
/** The journal's self-tests (journal-vocabulary.md); their results are typed, their names are the journal's codes. */
export const SELF_TESTS: [string, string][] = [
  ['FLEXION', 'Bending forward'], ['EXTENSION', 'Bending backward'], ['SIDE_BEND_LEFT', 'Bending to the left'],
  ['SIDE_BEND_RIGHT', 'Bending to the right'], ['ROTATION_LEFT', 'Turning to the left'],
  ['ROTATION_RIGHT', 'Turning to the right'], ['SIT_TO_STAND', 'Standing up from a chair'],
  ['SINGLE_LEG_STANCE_LEFT', 'Standing on the left leg'], ['SINGLE_LEG_STANCE_RIGHT', 'Standing on the right leg'],
  ['WALKING', 'Walking'],
];
