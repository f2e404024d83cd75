import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';

// The tests build on each other (the alert the first raises is used by later ones): after a failure, skip the rest.
test.describe.configure({ mode: 'serial' });

// E2E_CLINIC names the clinic, to watch a run from outside (its alert stream, say).
const clinic = process.env.E2E_CLINIC ?? `clinic-e2e-${Date.now()}`;
/** Where the tests' screenshots go: README shows them. */
const SHOTS = process.env.SCREENSHOTS_DIR;
/** The alert the first test raises, for the test that another clinic cannot open it. */
let alertPath = '';
let patientWithAlert = '';

async function signIn(browser: Browser, role: string, subject: string, options: { phone?: boolean; clinicId?: string } = {}): Promise<Page> {
  const viewport = options.phone ? { width: 390, height: 844 } : { width: 1280, height: 900 };
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto('/');
  await page.getByLabel('Clinic', { exact: true }).fill(options.clinicId ?? clinic);
  await page.getByLabel('Role', { exact: true }).selectOption(role);
  await page.getByLabel('User id', { exact: true }).fill(subject);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return page;
}

/** No serious or critical axe-core violation on the page as it is now. */
async function expectAccessible(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), `axe on ${name}`)
    .toEqual([]);
}

async function screenshot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
}

test('a red flag recorded on a phone sends the patient to A&E and reaches the open clinician queue live', async ({ browser }) => {
  const clinician = await signIn(browser, 'clinician', 'dr-e2e');
  await expect(clinician.getByRole('heading', { name: 'Alert queue' })).toBeVisible();
  await expect(clinician.getByTestId('live-state')).toHaveText(/Live/);
  await expectAccessible(clinician, 'the empty alert queue');

  const patientId = `pat-${Date.now()}`;
  patientWithAlert = patientId;
  const patient = await signIn(browser, 'patient', patientId, { phone: true });
  await expect(patient.getByRole('heading', { name: 'My back journal' })).toBeVisible();
  await expectAccessible(patient, 'the entry form');
  await screenshot(patient, 'patient-entry-phone');
  // By keyboard alone: the slider takes arrow keys, the checkbox the space bar.
  await patient.getByRole('slider', { name: /Pain now/ }).focus();
  for (let i = 0; i < 4; i++) await patient.keyboard.press('ArrowRight');
  await expect(patient.getByTestId('intensity-value')).toHaveText('7');
  await patient.getByRole('checkbox', { name: 'New trouble passing or holding urine' }).focus();
  await patient.keyboard.press('Space');
  await patient.getByRole('button', { name: 'Save entry' }).focus();
  await patient.keyboard.press('Enter');
  const saved = patient.getByRole('status').filter({ hasText: 'Saved to your journal.' });
  await expect(saved).toBeVisible();

  // The clinician's queue is cued without a reload, within 2 s of the patient's save (both times taken in the pages).
  const cue = clinician.getByTestId('emergency-cue');
  await expect(cue).toContainText(`for patient ${patientId}`, { timeout: 10_000 });
  const cuedAfter = Number(await cue.getAttribute('data-shown-at')) - Number(await saved.getAttribute('data-saved-at'));
  console.log(`clinician cued ${cuedAfter} ms after the entry was saved`);
  expect(cuedAfter, 'cue within 2 s of the entry').toBeLessThanOrEqual(2_000);
  await expect(clinician.getByTestId('alert-row').first()).toContainText('EMERGENCY');
  await expectAccessible(clinician, 'the alert queue with an EMERGENCY');
  await screenshot(clinician, 'clinician-queue-emergency');

  // The patient is told at once, in plain words, whatever page they are on.
  const advice = patient.getByTestId('patient-emergency');
  await expect(advice).toContainText('Go to an emergency department now', { timeout: 5_000 });
  const toldAfter = Number(await advice.getAttribute('data-shown-at')) - Number(await saved.getAttribute('data-saved-at'));
  console.log(`patient told ${toldAfter} ms after the entry was saved`);
  expect(toldAfter, 'the patient is told within 2 s').toBeLessThanOrEqual(2_000);
  await expectAccessible(patient, 'the patient page with the emergency advice');
  await screenshot(patient, 'patient-emergency-phone');
  await patient.getByRole('link', { name: 'My exercises' }).click();
  await expect(patient.getByRole('heading', { name: 'My exercises' })).toBeVisible();
  await expect(patient.getByTestId('patient-emergency')).toBeVisible();
  await expectAccessible(patient, 'the exercise plan');

  // The clinician acknowledges, then resolves with a note (an EMERGENCY only after acknowledgement).
  // The queue by keyboard alone: the alert's link takes focus and Enter opens it.
  await clinician.getByTestId('alert-row').first().getByRole('link', { name: 'CES BLADDER' }).focus();
  await clinician.keyboard.press('Enter');
  await expect(clinician.getByRole('heading', { name: /CES BLADDER/ })).toBeVisible();
  alertPath = new URL(clinician.url()).pathname;
  await expect(clinician.getByText(/pain 7\/10 · bladder dysfunction/)).toBeVisible();
  await clinician.getByLabel('Note', { exact: true }).fill('Called the patient; sent to A&E.');
  await expect(clinician.getByRole('button', { name: 'Resolve with note' })).toBeDisabled();
  await expectAccessible(clinician, 'the alert page');
  await screenshot(clinician, 'clinician-alert');
  await clinician.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(clinician.getByTestId('alert-status')).toHaveText('acknowledged');
  await clinician.getByLabel('Note', { exact: true }).fill('Seen in A&E; no compression found.');
  await clinician.getByRole('button', { name: 'Resolve with note' }).click();
  await expect(clinician.getByTestId('alert-status')).toHaveText('resolved');
  await expect(clinician.getByText(/resolved by dr-e2e · Seen in A&E/)).toBeVisible();

  // The patient's status follows: the emergency advice goes away by itself.
  await expect(patient.getByTestId('patient-emergency')).toBeHidden({ timeout: 5_000 });
});

test('a patient records a full entry and sees it on the chart, and can delete it', async ({ browser }) => {
  const patient = await signIn(browser, 'patient', `pat-full-${Date.now()}`);
  await patient.getByRole('slider', { name: /Pain now/ }).fill('5');
  await patient.getByText('More details').click();
  await patient.getByLabel('Where', { exact: true }).selectOption('LOWER_BACK');
  await patient.getByLabel('Side', { exact: true }).selectOption('LEFT');
  await patient.getByRole('checkbox', { name: 'Aching' }).check();
  await patient.getByLabel('It started', { exact: true }).selectOption('GRADUAL');
  await patient.getByRole('checkbox', { name: 'When I move' }).check();
  await patient.getByRole('checkbox', { name: 'Sitting' }).check();
  await patient.getByRole('group', { name: 'What helps' }).getByRole('checkbox', { name: 'Heat' }).check();
  await patient.getByRole('checkbox', { name: 'Pins and needles in a leg' }).check();
  await patient.getByLabel('Pins and needles in a leg: which leg').selectOption('RIGHT');
  await patient.getByLabel('Injury', { exact: true }).selectOption('NONE');
  await patient.getByRole('button', { name: 'Add an exercise' }).click();
  await patient.getByRole('textbox', { name: 'Exercise', exact: true }).fill('Walking');
  await patient.getByLabel('Minutes', { exact: true }).fill('20');
  await patient.getByLabel('Effort (1-10)', { exact: true }).fill('4');
  await patient.getByRole('button', { name: 'Add a medication' }).click();
  await patient.getByLabel('Medicine', { exact: true }).fill('Ibuprofen');
  await patient.getByLabel('Dose', { exact: true }).fill('400 mg');
  await patient.getByLabel('It', { exact: true }).selectOption('SOME');
  await patient.getByRole('group', { name: 'Treatments' }).getByRole('checkbox', { name: 'Physiotherapy' }).check();
  await patient.getByRole('combobox', { name: 'Bending forward' }).selectOption('REPRODUCES_PAIN');
  await patient.getByLabel('Notes', { exact: true }).fill('Worse after a long drive.');
  await expectAccessible(patient, 'the full entry form');
  await screenshot(patient, 'patient-full-entry');
  await patient.getByRole('button', { name: 'Save entry' }).click();
  await expect(patient.getByRole('status').filter({ hasText: 'Saved to your journal.' })).toBeVisible();
  await expect(patient.getByTestId('entries').getByRole('listitem')).toHaveCount(1);
  await expect(patient.getByTestId('pain-chart')).toBeVisible();
  await patient.getByRole('button', { name: '14 days' }).click();
  await patient.getByTestId('entries').getByRole('button').first().click();
  await expect(patient.getByTestId('entry-detail')).toContainText('pain 5/10');
  await expect(patient.getByTestId('entry-detail')).toContainText('Worse after a long drive.');
  await expect(patient.getByTestId('entry-detail')).toContainText('Exercises: Walking 20 min');
  await expect(patient.getByTestId('entry-detail')).toContainText('Medication: Ibuprofen 400 mg');
  await screenshot(patient, 'patient-chart');
  // A correction of their own entry: the detail shows the new pain.
  await patient.getByRole('slider', { name: /Pain, corrected/ }).fill('3');
  await patient.getByRole('button', { name: 'Save correction' }).click();
  await expect(patient.getByTestId('entry-detail')).toContainText('pain 3/10');
  await expectAccessible(patient, 'the entry detail');
  await patient.getByRole('button', { name: 'Delete this entry' }).click();
  await expect(patient.getByTestId('entries').getByRole('listitem')).toHaveCount(0);
});

test('a clinician edits a patient\'s conditions and the exercise plan changes', async ({ browser }) => {
  expect(patientWithAlert).not.toEqual('');
  const clinician = await signIn(browser, 'clinician', 'dr-plan');
  await clinician.goto(`/patients/${patientWithAlert}`);
  // The token lives in memory only: after the page load, sign in again.
  await clinician.getByLabel('Clinic', { exact: true }).fill(clinic);
  await clinician.getByLabel('User id', { exact: true }).fill('dr-plan');
  await clinician.getByRole('button', { name: 'Sign in' }).click();
  await expect(clinician.getByRole('heading', { name: `Patient ${patientWithAlert}` })).toBeVisible();
  await expect(clinician.getByTestId('plan')).toBeVisible();
  const before = await clinician.getByTestId('plan').innerText();
  await expectAccessible(clinician, 'the patient page');
  await clinician.getByRole('checkbox', { name: 'Spinal stenosis' }).check();
  await clinician.getByRole('button', { name: 'Save conditions' }).click();
  await expect(clinician.getByText('Saved. The exercise plan now follows these conditions.')).toBeVisible({ timeout: 15_000 });
  await expect(clinician.getByTestId('plan')).toContainText('spinal-stenosis');
  expect(await clinician.getByTestId('plan').innerText()).not.toEqual(before);
  await screenshot(clinician, 'clinician-patient');
});

test('sign-in is refused for a malformed user id, and clinicians\' pages for a patient', async ({ browser }) => {
  const page = await signIn(browser, 'patient', 'not an id!');
  await expect(page.getByText(/User id: must match/)).toBeVisible();
  await expectAccessible(page, 'the sign-in page');
  await screenshot(page, 'sign-in');
  await page.getByLabel('User id', { exact: true }).fill('pat-curious');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'My back journal' })).toBeVisible();
  await page.evaluate((path) => { window.history.pushState(null, '', path); window.dispatchEvent(new PopStateEvent('popstate')); }, alertPath);
  await expect(page.getByRole('alert')).toContainText('This page is for your clinic\'s clinicians');
});

test('another clinic\'s alert cannot be opened', async ({ browser }) => {
  expect(alertPath).toMatch(/^\/alerts\//);
  const page = await signIn(browser, 'clinician', 'dr-other', { clinicId: 'clinic-other' });
  await page.evaluate((path) => { window.history.pushState(null, '', path); window.dispatchEvent(new PopStateEvent('popstate')); }, alertPath);
  await expect(page.getByRole('alert')).toContainText(/^Not found/);
});

test('a patient filters the exercise catalog by condition and pain level', async ({ browser }) => {
  const patient = await signIn(browser, 'patient', `pat-catalog-${Date.now()}`);
  await patient.getByRole('link', { name: 'Exercise catalog' }).click();
  await expect(patient.getByTestId('catalog').getByRole('listitem').first()).toBeVisible();
  const all = await patient.getByTestId('catalog').getByRole('listitem').count();
  await patient.getByLabel('Condition', { exact: true }).selectOption('spinal-stenosis');
  await patient.getByLabel('My pain today (0-10)', { exact: true }).selectOption('8');
  await expect.poll(async () => patient.getByTestId('catalog').getByRole('listitem').count()).toBeLessThan(all);
  await expectAccessible(patient, 'the exercise catalog');
  await screenshot(patient, 'patient-catalog');
});

test('a clinic administrator changes triage settings, registers a webhook and reads the audit trail', async ({ browser }) => {
  const admin = await signIn(browser, 'clinic-admin', 'admin-e2e');
  await admin.getByRole('link', { name: 'Clinic administration' }).click();
  await expect(admin.getByRole('heading', { name: 'Triage settings' })).toBeVisible();
  await admin.getByLabel(/Age past which/).fill('55');
  await admin.getByRole('button', { name: 'Save settings' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  await admin.getByLabel(/URGENT alerts escalate/).fill('two hours');
  await admin.getByRole('button', { name: 'Save settings' }).click();
  await expect(admin.getByRole('alert')).toContainText(/acknowledge within urgent|URGENT/i);
  await admin.getByLabel(/URGENT alerts escalate/).fill('PT2H');
  await admin.getByLabel(/Address that receives/).fill('https://hooks.example.org/backcare');
  await admin.getByRole('button', { name: 'Register webhook' }).click();
  await expect(admin.getByText(/Signing secret, shown once/)).toBeVisible();
  await admin.getByRole('button', { name: 'Delivery log' }).first().click();
  await expect(admin.getByRole('table', { name: 'Deliveries' })).toBeVisible();
  await expect(admin.getByRole('table', { name: 'Audit records' })).toBeVisible();
  await expectAccessible(admin, 'clinic administration');
  await screenshot(admin, 'clinic-admin');
});

test('the clinician\'s queue resumes after its connection drops, with the alerts raised meanwhile', async ({ browser }) => {
  const clinician = await signIn(browser, 'clinician', 'dr-offline');
  await expect(clinician.getByTestId('live-state')).toHaveText(/Live/);
  await clinician.context().setOffline(true);
  await expect(clinician.getByTestId('live-state')).toHaveText(/Reconnecting/, { timeout: 10_000 });

  const patientId = `pat-offline-${Date.now()}`;
  const patient = await signIn(browser, 'patient', patientId);
  await patient.getByRole('checkbox', { name: 'Loss of bowel control' }).check();
  await patient.getByRole('button', { name: 'Save entry' }).click();
  await expect(patient.getByTestId('patient-emergency')).toBeVisible({ timeout: 10_000 });

  // Back online: the stream resumes from the last change it saw (Last-Event-ID), so the alert raised meanwhile
  // still cues the clinician, and the queue shows it.
  await clinician.context().setOffline(false);
  await expect(clinician.getByTestId('live-state')).toHaveText(/Live/, { timeout: 15_000 });
  await expect(clinician.getByTestId('emergency-cue')).toContainText(`for patient ${patientId}`, { timeout: 10_000 });
  await expect(clinician.getByTestId('alert-row').filter({ hasText: patientId })).toContainText('EMERGENCY');
});
