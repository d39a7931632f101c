/**
 * A small promise wrapper over IndexedDB for the phone page: the outbox of reports and verifications
 * made offline (with their photos as bytes), the list of what was sent, and a key/value cache of the
 * last data seen online (categories, my grid's cases, a case's detail).
 *
 * Photos are kept as ArrayBuffer rather than Blob: older iOS Safari versions fail to store Blobs.
 */

const DB_NAME = 'civicgrid-mobile';
const DB_VERSION = 1;

export type StoreName = 'outbox' | 'sent' | 'kv';

let opening: Promise<IDBDatabase> | null = null;

function promisify<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

export function idbAvailable(): boolean {
  return typeof indexedDB !== 'undefined';
}

export function openDb(): Promise<IDBDatabase> {
  if (opening) return opening;
  opening = new Promise<IDBDatabase>((resolve, reject) => {
    if (!idbAvailable()) {
      reject(new Error('此浏览器不支持离线存储（IndexedDB）'));
      return;
    }
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('outbox')) db.createObjectStore('outbox', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('sent')) db.createObjectStore('sent', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('kv')) db.createObjectStore('kv', { keyPath: 'key' });
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab upgrading the schema: let it, and reopen next time.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    req.onerror = () => {
      opening = null;
      reject(req.error ?? new Error('无法打开离线存储'));
    };
    req.onblocked = () => undefined;
  });
  return opening;
}

async function withStore<T>(
  store: StoreName,
  mode: IDBTransactionMode,
  fn: (s: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await openDb();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(store, mode);
    let result: T;
    const req = fn(tx.objectStore(store));
    req.onsuccess = () => {
      result = req.result;
    };
    // Resolve on commit, so a write is durable before the caller goes on (e.g. to send it).
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error ?? req.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export const idb = {
  get<T>(store: StoreName, key: IDBValidKey): Promise<T | undefined> {
    return withStore<T | undefined>(store, 'readonly', (s) => s.get(key) as IDBRequest<T | undefined>);
  },
  getAll<T>(store: StoreName): Promise<T[]> {
    return withStore<T[]>(store, 'readonly', (s) => s.getAll() as IDBRequest<T[]>);
  },
  put<T>(store: StoreName, value: T): Promise<IDBValidKey> {
    return withStore(store, 'readwrite', (s) => s.put(value));
  },
  delete(store: StoreName, key: IDBValidKey): Promise<undefined> {
    return withStore(store, 'readwrite', (s) => s.delete(key));
  },
  async keys(store: StoreName): Promise<IDBValidKey[]> {
    return withStore(store, 'readonly', (s) => s.getAllKeys());
  },
  /** Exposed for tests and for the rare caller that needs one request outside the helpers. */
  promisify,
};
