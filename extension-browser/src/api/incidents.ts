import {
  IncidentChangeSchema,
  IncidentListItemSchema,
  IncidentViewSchema,
  KnownSolutionSchema,
  ResolveWithKnownResultSchema,
  SimilarSolutionsInputSchema,
  MeSchema,
  SearchInputSchema,
  ShareInfoSchema,
  ShareResultSchema,
  TimelinePageSchema,
  type IncidentChange,
  type IncidentListItem,
  type IncidentView,
  type KnownSolution,
  type ResolveWithKnownInput,
  type ResolveWithKnownResult,
  type Me,
  type ShareInfo,
  type ShareResult,
  type TimelinePage,
} from '@handoff/shared';
import { z } from 'zod';
import type { TransitionInput } from '../loop/verifyFix';
import type { Api } from './client';
import { maxLengthOf } from './limits';

/*
 * What the panel reads and changes, each answer checked against the shared schema: the server is another
 * program, and a shape the panel does not know must fail here with a message, not deep inside a view.
 */

const ListSchema = z.array(IncidentListItemSchema);
const SEARCH_MAX = maxLengthOf(SearchInputSchema.shape.text);

export const whoami = async (api: Api): Promise<Me> => MeSchema.parse(await api.auth.whoami.query());

/** The incidents the signed-in person reported, newest first. */
export const myEscalations = async (api: Api, limit = 50): Promise<IncidentListItem[]> =>
  ListSchema.parse((await api.incidents.list.query({ reporter: 'me', limit })).items);

/** Incidents like `text`: in full for one's own teams', as an outline for other teams'. */
export const similarTo = async (api: Api, text: string, limit = 5): Promise<IncidentListItem[]> =>
  ListSchema.parse(await api.incidents.search.query({ text: text.slice(0, SEARCH_MAX), limit }));

const SOLUTIONS_TEXT_MAX = maxLengthOf(SimilarSolutionsInputSchema.shape.text);

/** Known solutions (and customer answers) of the problems most like `text`, best match first. */
export const knownSolutionsFor = async (api: Api, text: string, limit = 3): Promise<KnownSolution[]> =>
  z.array(KnownSolutionSchema).parse(await api.knownSolutions.similar.query({ text: text.slice(0, SOLUTIONS_TEXT_MAX), limit }));

/** Captures the incident and records it as resolved at L1 with the known solution of `group` (idempotent by its key). */
export const resolveWithKnown = async (api: Api, input: ResolveWithKnownInput): Promise<ResolveWithKnownResult> =>
  ResolveWithKnownResultSchema.parse(await api.knownSolutions.resolve.mutate(input));

export const incidentByRef = async (api: Api, ref: string): Promise<IncidentView> =>
  IncidentViewSchema.parse(await api.incidents.byRef.query({ ref }));

/** The timeline entries before `beforeId` (the oldest one the panel holds). */
export const earlierEntries = async (api: Api, ref: string, beforeId: number): Promise<TimelinePage> =>
  TimelinePageSchema.parse(await api.incidents.timeline.query({ ref, beforeId }));

export const sendAnswer = async (api: Api, ref: string, answer: string): Promise<IncidentChange> =>
  IncidentChangeSchema.parse(await api.incidents.answer.mutate({ ref, answer }));

export const transition = async (api: Api, input: TransitionInput): Promise<IncidentChange> =>
  IncidentChangeSchema.parse(await api.incidents.transition.mutate(input));

/** A link to the customer's page (`url` is shown once: the server keeps only its hash). */
export const shareWithCustomer = async (api: Api, ref: string, email?: string): Promise<ShareResult> =>
  ShareResultSchema.parse(await api.incidents.share.mutate(email ? { ref, email } : { ref }));

/** The incident's links to customers' pages (never their tokens). */
export const sharesOf = async (api: Api, ref: string): Promise<ShareInfo[]> =>
  z.array(ShareInfoSchema).parse(await api.incidents.shares.query({ ref }));

/** Passes a developer's question on to the customer's page (optionally reworded): a customer-visible entry. */
export const relayQuestion = async (api: Api, ref: string, entryId: number, text: string): Promise<IncidentChange> =>
  IncidentChangeSchema.parse(await api.incidents.relay.mutate(text ? { ref, entryId, text } : { ref, entryId }));
