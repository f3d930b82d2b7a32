// The stored file as the API returns it: the input shape in yuan, plus what the system adds.
import { divRoundHalfUp, fenToYuan } from './money.js';
import type { HouseholdData, MemberData } from './household.js';
import type { DataWarning } from './warnings.js';
import type { HouseholdStatus } from './enums.js';

export interface HouseholdMeta {
  id: number;
  workerNo: string;
  version: number;
  status: HouseholdStatus;
  removalReason: string | null;
  warnings: DataWarning[];
  createdAt: string;
  updatedAt: string;
}

export type MemberJson = Omit<MemberData, 'annualIncome'> & { annualIncome: number };

export type HouseholdJson = Omit<
  HouseholdData,
  'workerNo' | 'members' | 'ownAnnualIncome' | 'householdAnnualIncome' | 'householdAnnualExpense' | 'medicalExpense' | 'tuitionExpense' | 'accidentExpense'
> &
  HouseholdMeta & {
    members: MemberJson[];
    ownAnnualIncome: number;
    householdAnnualIncome: number;
    householdAnnualExpense: number;
    medicalExpense: number;
    tuitionExpense: number;
    accidentExpense: number;
    perCapitaIncome: number;
  };

/** Per-capita income in fen: T / N rounded half-up to the fen. */
export function perCapitaFen(householdAnnualIncome: number, householdSize: number): number {
  return divRoundHalfUp(householdAnnualIncome, householdSize);
}

export function householdToJson(h: HouseholdData, meta: HouseholdMeta): HouseholdJson {
  return {
    ...h,
    ...meta,
    workerNo: meta.workerNo,
    ownAnnualIncome: fenToYuan(h.ownAnnualIncome),
    householdAnnualIncome: fenToYuan(h.householdAnnualIncome),
    householdAnnualExpense: fenToYuan(h.householdAnnualExpense),
    medicalExpense: fenToYuan(h.medicalExpense),
    tuitionExpense: fenToYuan(h.tuitionExpense),
    accidentExpense: fenToYuan(h.accidentExpense),
    perCapitaIncome: fenToYuan(perCapitaFen(h.householdAnnualIncome, h.householdSize)),
    members: h.members.map((m) => ({ ...m, annualIncome: fenToYuan(m.annualIncome) })),
  };
}

/** The editable part of a file, as the form and PUT send it (yuan). */
export function householdToInput(h: HouseholdJson): Record<string, unknown> {
  const { id, version, status, removalReason, warnings, createdAt, updatedAt, perCapitaIncome, ...rest } = h;
  void id; void version; void status; void removalReason; void warnings; void createdAt; void updatedAt; void perCapitaIncome;
  return rest;
}
