export type Locale = 'ru' | 'en';

export type CompanyRecord = {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  locale: Locale;
  isDemo: boolean;
  /** When the daily jobs run, HH:MM in the company's time zone. */
  syncTime: string;
  forecastTime: string;
  procurementTime: string;
  digestTime: string;
};

export type NewCompanyRecord = Pick<CompanyRecord, 'slug' | 'name' | 'timezone' | 'locale'> &
  Partial<Pick<CompanyRecord, 'syncTime' | 'forecastTime' | 'procurementTime' | 'digestTime'>> &
  Partial<Pick<CompanyRecord, 'isDemo'>> &
  Partial<{ leadTimeDays: number; reviewPeriodDays: number; coverageDays: number; serviceLevel: number }>;

export type CompanyStore = {
  insert(company: NewCompanyRecord): Promise<CompanyRecord>;
  find(id: string): Promise<CompanyRecord | undefined>;
  findBySlug(slug: string): Promise<CompanyRecord | undefined>;
  list(): Promise<CompanyRecord[]>;
};

/** Time is passed in, never read deep inside (DESIGN.md). */
export type Clock = { now(): Date };

export type Marketplace = 'wildberries' | 'ozon';

/** What a marketplace needs to let us in: WB a token; Ozon a Client-Id and an Api-Key. */
export type MarketplaceCredentials =
  | { marketplace: 'wildberries'; token: string; baseUrls?: Record<string, string> }
  | { marketplace: 'ozon'; clientId: string; apiKey: string; baseUrl?: string };

export type AccountRecord = {
  id: number;
  companyId: string;
  marketplace: Marketplace;
  name: string;
  credentialsSealed: string;
  credentialsKeyId: string;
  status: 'active' | 'disabled' | 'auth_failed';
};

export type AccountStore = {
  insert(account: Omit<AccountRecord, 'id' | 'status'>): Promise<AccountRecord>;
  list(companyId: string): Promise<AccountRecord[]>;
  find(companyId: string, id: number): Promise<AccountRecord | undefined>;
  updateCredentials(
    companyId: string,
    id: number,
    sealed: Pick<AccountRecord, 'credentialsSealed' | 'credentialsKeyId'>,
  ): Promise<void>;
};

/** Seals and opens secrets at rest (AES-256-GCM in lib/secret-box). */
export type Sealer = {
  seal(plaintext: string): { sealed: string; keyId: string };
  open(sealed: string): string;
  needsRotation(sealed: string): boolean;
};

export type ApiScope = 'read' | 'write' | 'approve' | 'admin';

export type ApiTokenRecord = {
  id: number;
  companyId: string | null;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  expiresAt: Date | null;
  revokedAt: Date | null;
};

export type ApiTokenStore = {
  insert(
    token: Omit<ApiTokenRecord, 'id' | 'revokedAt'> & { tokenHash: string; createdBy: string },
  ): Promise<ApiTokenRecord>;
  /** Finds a live token by hash and stamps its last use. */
  use(tokenHash: string, at: Date): Promise<ApiTokenRecord | undefined>;
};
