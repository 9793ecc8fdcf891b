// Demo surveys of DPMPTSP-KUKM (idempotent: nothing is added when the unit has any survey period),
// dated relative to the regency's current year (src/kernel/demo-dates.ts): SKM last year Q1–Q4
// closed and published; this year every quarter that has ended closed (the latest of them not yet
// published), the quarter of today open (its responses up to now), later quarters not created.
// 90–160 respondents per quarter spread over the unit's services (IUMK, PBG, SIP-NAKES, REKLAME,
// KOPERASI, NIB, looked up through the services module), answers drawn deterministically so that the
// IKM sits in the low-to-high 80s (mutu B) with U3 (waktu) the weakest; last year's Q3 short of its
// sample; suggestions in Indonesian; follow-up plans with realisation (never done after today); one
// SPAK (~40, IPAK ≈ 3,7) and one SPKP (~45, IPKP ≈ 3,5) of this year once their publication day
// (30 September) has come, else of last year. Every figure belongs to a position (last year Q3, this
// year's open quarter …), not to a calendar year: the generators are seeded from the story's years
// (written with 2026 as this year), so the demo tells the same story whatever year it starts in.
// Bulk inserts: one statement per period.
import { eq } from 'drizzle-orm';
import { demoMoment, demoYear, isDemoPast } from '../../kernel/demo-dates.ts';
import type { Db } from '../../kernel/db.ts';
import { dayIn } from '../../kernel/workdays.ts';
import { orgUnits as units } from '../org/index.ts';
import { findServiceByCode } from '../services/index.ts';
import { instrumentFor } from './instruments.ts';
import { periodDates } from './surveys.rules.ts';
import { followups, periods, responses } from './surveys.schema.ts';
import { seededRandom as rng } from '../../kernel/demo-random.ts';

/** One answer 1–4 whose expected value is about `mean` (2.6–3.9). */
function draw(r: () => number, mean: number): number {
  const p1 = 0.02;
  const p2 = Math.min(Math.max(0.2 - 0.25 * (mean - 3), 0.02), 0.4);
  const p4 = Math.min(Math.max(mean - 3 + 2 * p1 + p2, 0.02), 0.95);
  const u = r();
  if (u < p1) return 1;
  if (u < p1 + p2) return 2;
  if (u < 1 - p4) return 3;
  return 4;
}

const SKM_BASE = [3.40, 3.30, 2.94, 3.62, 3.35, 3.42, 3.52, 3.27, 3.24];
const SERVICE_SHIFT: Record<string, number> = { IUMK: 0.08, PBG: -0.14, 'SIP-NAKES': 0.0, REKLAME: -0.05, KOPERASI: 0.05, NIB: 0.1 };
const SERVICE_WEIGHT: Record<string, number> = { IUMK: 0.26, PBG: 0.12, 'SIP-NAKES': 0.14, REKLAME: 0.08, KOPERASI: 0.1, NIB: 0.3 };
const SUGGESTIONS = [
  'Waktu penyelesaian izin PBG mohon dipercepat, kami menunggu lebih dari sebulan.',
  'Petugas ramah dan membantu, terima kasih.',
  'Ruang tunggu perlu ditambah kursi dan kipas angin.',
  'Informasi persyaratan di website sebaiknya diperbarui.',
  'Antrean pagi hari cukup panjang, mohon loket ditambah.',
  'Pelayanan sudah cepat dan tanpa biaya, pertahankan.',
  'Mohon ada notifikasi WhatsApp ketika izin sudah terbit.',
  'Pendampingan OSS sangat membantu pelaku usaha mikro.',
  'Tempat parkir sempit, sulit untuk kendaraan roda empat.',
  'Kanal pengaduan belum jelas tindak lanjutnya.',
  'Prosedur sudah mudah dipahami, alurnya jelas.',
  'Jam layanan sebaiknya diperpanjang sampai sore.',
];
const PROFILE = {
  sex: [['l', 0.56], ['p', 0.44]],
  age: [['lt20', 0.03], ['20_29', 0.24], ['30_39', 0.33], ['40_49', 0.25], ['50plus', 0.15]],
  education: [['sd', 0.05], ['smp', 0.09], ['sma', 0.42], ['diploma', 0.12], ['s1', 0.28], ['s2', 0.04]],
  occupation: [['asn', 0.1], ['swasta', 0.22], ['wirausaha', 0.5], ['pelajar', 0.06], ['lainnya', 0.12]],
} as const;
const pick = <T extends string>(r: () => number, opts: readonly (readonly [T, number])[]): T => {
  let u = r();
  for (const [v, w] of opts) { if ((u -= w) < 0) return v; }
  return opts[opts.length - 1][0];
};

/** The year the story was written with as "this year": the generators' seeds are of its years. */
const STORY_YEAR = 2026;
/** Respondents of the open quarter so far (spread over its first 40 days, never after now). */
const OPEN_RESPONDENTS = 64;

/** A quarter of the story: `offset` 0 this year, -1 last year; `respondents` when it is closed. */
interface SkmQuarter { offset: -1 | 0; q: number; population: number; respondents: number }
const QUARTERS: SkmQuarter[] = [
  { offset: -1, q: 1, population: 210, respondents: 142 },
  { offset: -1, q: 2, population: 190, respondents: 131 },
  { offset: -1, q: 3, population: 260, respondents: 118 }, // short: 155 required
  { offset: -1, q: 4, population: 230, respondents: 156 },
  { offset: 0, q: 1, population: 180, respondents: 127 },
  { offset: 0, q: 2, population: 220, respondents: 148 },
  { offset: 0, q: 3, population: 200, respondents: 139 },
  { offset: 0, q: 4, population: 240, respondents: OPEN_RESPONDENTS }, // this year's Q4 has not ended within the year
];

/** The story's quarters as of `now`: status and publication from their dates; those not begun left out. */
function quartersAt(now: Date) {
  const today = dayIn(now);
  const year = demoYear(now);
  const dated = QUARTERS.map((x, qi) => ({ ...x, qi, year: year + x.offset, dates: periodDates(year + x.offset, 'quarter', x.q)! }))
    .filter((x) => x.dates.startsOn <= today);
  const ended = dated.filter((x) => x.dates.endsOn < today);
  const latest = ended[ended.length - 1];
  return dated.map((x) => {
    const status: 'open' | 'closed' = x.dates.endsOn < today ? 'closed' : 'open';
    // last year's are all published; of this year's ended ones, the latest waits for its publication
    const published = status === 'closed' && (x.offset < 0 || x !== latest);
    return { ...x, status, published, respondents: status === 'open' ? OPEN_RESPONDENTS : x.respondents };
  });
}

const FOLLOWUP_TEXT: Record<string, { action: string; realisation: string; responsible: string }[]> = {
  U3: [
    { action: 'Menerapkan pemantauan waktu proses per berkas dan pengingat otomatis bagi tim teknis', realisation: 'Dasbor waktu proses aktif; berkas melewati SLA turun dari 18 % menjadi 9 %', responsible: 'Kepala Bidang Pelayanan Perizinan' },
    { action: 'Rapat koordinasi mingguan dengan tim teknis PBG untuk berkas yang tertunda', realisation: 'Rapat berjalan setiap Selasa; notulen terlampir', responsible: 'Sekretaris Tim ZI' },
  ],
  U9: [{ action: 'Menampilkan alur dan status tindak lanjut pengaduan di ruang layanan dan situs web', realisation: 'Papan alur pengaduan dipasang dan halaman status pengaduan diterbitkan', responsible: 'Koordinator Pengaduan' }],
  U8: [{ action: 'Menambah kursi ruang tunggu dan memperbaiki pendingin udara', realisation: 'Dua puluh kursi ditambahkan; pendingin udara diperbaiki', responsible: 'Kepala Subbagian Umum' }],
  U2: [{ action: 'Menyederhanakan alur layanan NIB dengan pendampingan di loket OSS', realisation: 'Loket pendampingan OSS dibuka setiap hari kerja', responsible: 'Kepala Bidang Penanaman Modal' }],
};

/** Seeds the demo surveys as of `now`; true when anything was added. */
export async function seedSurveysDemo(db: Db, now: Date = new Date()): Promise<boolean> {
  const [unit] = await db.select().from(units).where(eq(units.code, 'DPMPTSPKUKM')).limit(1);
  if (!unit) return false;
  const [any] = await db.select({ id: periods.id }).from(periods).where(eq(periods.unitId, unit.id)).limit(1);
  if (any) return false;
  const services: { code: string; id: string | null }[] = [];
  for (const code of Object.keys(SERVICE_SHIFT)) {
    const s = await findServiceByCode(db, unit.id, code).catch(() => null);
    services.push({ code, id: s?.id ?? null });
  }
  const serviceWeights = services.map((s) => [s.code, SERVICE_WEIGHT[s.code]] as const);
  const today = dayIn(now);
  const quarters = quartersAt(now);
  await db.transaction(async (tx) => {
    const periodRows = await tx.insert(periods).values(quarters.map((q) => {
      const d = q.dates;
      return {
        unitId: unit.id, kind: 'skm', instrument: instrumentFor('skm', q.year).id, year: q.year, periodType: 'quarter', n: q.q, startsOn: d.startsOn, endsOn: d.endsOn,
        population: q.population, status: q.status, publishedAt: q.published ? new Date(`${d.endsOn}T10:00:00+07:00`) : null, requireCode: false,
        analysis: q.offset === -1 && q.q === 3 ? 'Jumlah responden triwulan ini belum memenuhi sampel minimal karena survei daring baru diperkenalkan pada bulan Agustus; hasil dibaca dengan hati-hati.' : null,
      };
    })).returning({ id: periods.id, year: periods.year, n: periods.n });
    const all: (typeof responses.$inferInsert)[] = [];
    const fus: (typeof followups.$inferInsert)[] = [];
    for (const q of quarters) {
      const qi = q.qi;
      const p = periodRows.find((x) => x.year === q.year && x.n === q.q)!;
      const r = rng(20250000 + (STORY_YEAR + q.offset) * 10 + q.q);
      const trend = qi * 0.018;
      const d = q.dates;
      let start = Date.parse(`${d.startsOn}T01:00:00Z`);
      let end = Date.parse(`${d.endsOn}T09:00:00Z`);
      if (q.status === 'open') {
        // the open quarter's answers so far: its first 40 days, or from its first morning up to now
        if (start > now.getTime()) start = Math.min(Date.parse(`${d.startsOn}T00:00:00+07:00`), now.getTime());
        end = Math.min(start + 40 * 86400000, now.getTime());
      }
      const span = Math.max(0, end - start);
      for (let i = 0; i < q.respondents; i++) {
        const code = pick(r, serviceWeights);
        const svc = services.find((s) => s.code === code)!;
        const shift = SERVICE_SHIFT[code] + trend;
        const answers = SKM_BASE.map((m, k) => draw(r, Math.min(3.9, m + shift + (k === 2 && code === 'PBG' ? -0.15 : 0))));
        const profile: Record<string, string> = {};
        for (const [f, opts] of Object.entries(PROFILE)) if (r() > 0.06) profile[f] = pick(r, opts as readonly (readonly [string, number])[]);
        const paper = r() < 0.3;
        all.push({
          periodId: p.id, unitId: unit.id, serviceId: svc.id, answers, profile,
          suggestion: r() < 0.14 ? SUGGESTIONS[Math.floor(r() * SUGGESTIONS.length)] : null,
          channel: paper ? 'paper' : 'online', submittedAt: new Date(start + Math.floor(r() * span)),
        });
      }
      if (q.status === 'closed') {
        const items = q.offset === -1 && q.q % 2 === 0 ? ['U3', 'U9'] : q.q === 3 ? ['U3', 'U8'] : ['U3', 'U2'];
        // the target is the end of the next quarter (it may lie ahead); what is done was done by today
        const nextEnd = periodDates(q.q === 4 ? q.year + 1 : q.year, 'quarter', q.q === 4 ? 1 : q.q + 1)!.endsOn;
        const doneOn = nextEnd > today ? today : nextEnd;
        items.forEach((item, k) => {
          const t = FOLLOWUP_TEXT[item][(qi + k) % FOLLOWUP_TEXT[item].length];
          const done = !(q.offset === 0 && q.q >= 2 && k === 1);
          fus.push({ periodId: p.id, item, action: t.action, targetDate: nextEnd, responsible: t.responsible, realisation: done ? t.realisation : null, done, doneOn: done ? doneOn : null });
        });
      }
    }
    for (let i = 0; i < all.length; i += 500) await tx.insert(responses).values(all.slice(i, i + 500));
    if (fus.length) await tx.insert(followups).values(fus);

    // perception surveys (one yearly period each, closed): answered from 3 August, published on
    // 30 September — this year's once that day has come, else last year's
    const offset = isDemoPast(0, 9, 30, now) ? 0 : -1;
    const year = demoYear(now) + offset;
    const y = periodDates(year, 'year', 0)!;
    const answeredFrom = Date.parse(`${year}-08-03T02:00:00Z`);
    for (const [kind, count, mean, seed] of [['spak', 40, 3.78, 7001], ['spkp', 45, 3.62, 7002]] as const) {
      const ins = instrumentFor(kind, year);
      const [p] = await tx.insert(periods).values({
        unitId: unit.id, kind, instrument: ins.id, year, periodType: 'year', n: 0, startsOn: y.startsOn, endsOn: y.endsOn,
        population: null, status: 'closed', publishedAt: demoMoment(offset, 9, 30, 10, 0, now),
      }).returning({ id: periods.id });
      const r = rng(seed);
      await tx.insert(responses).values(Array.from({ length: count }, (_, i) => ({
        periodId: p.id, unitId: unit.id, serviceId: services[i % services.length].id,
        answers: ins.items.map((_, k) => draw(r, Math.min(3.95, mean + (k % 3 === 0 ? -0.08 : 0.04)))),
        profile: { sex: pick(r, PROFILE.sex), age: pick(r, PROFILE.age) }, channel: 'online',
        submittedAt: new Date(answeredFrom + i * 3 * 3600000),
      })));
    }
  });
  return true;
}
