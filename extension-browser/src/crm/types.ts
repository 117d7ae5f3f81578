/** What an adapter reads from a CRM page; `finishTicket` turns it into a validated TicketContext. */
export interface RawTicket {
  ticketId?: string | undefined;
  subject?: string | undefined;
  customerName?: string | undefined;
  customerEmail?: string | undefined;
  customerOrg?: string | undefined;
  latestMessage?: string | undefined;
  /** The customer's first message, when it is not also the latest. */
  firstMessage?: string | undefined;
}

/** One CRM: how to recognise its ticket view and how to read it. Pure DOM code, no extension APIs. */
export interface CrmAdapter {
  /** Stable id, also the `crm.system` sent to the server and the name of the extract entrypoint. */
  readonly id: string;
  readonly label: string;
  /** Optional host permissions asked for when the agent enables this CRM. */
  readonly origins: readonly string[];
  /** True for a ticket view; checks the path too, so self-hosted instances on other hosts are found. */
  matches(url: URL): boolean;
  extract(doc: Document, url: URL): RawTicket;
  /** The CRM's internal-note field, for "insert into ticket note". */
  readonly noteSelector?: string;
}
