// adm-zip ships no types and @types/adm-zip is not installed; this is the part the tests use.
declare module 'adm-zip' {
  interface ZipEntry {
    entryName: string;
  }

  class AdmZip {
    constructor(file?: string);
    getEntries(): ZipEntry[];
    readFile(entry: string | ZipEntry): Buffer | null;
    extractEntryTo(entry: string | ZipEntry, targetPath: string, maintainEntryPath?: boolean, overwrite?: boolean): boolean;
    addLocalFile(localPath: string, zipPath?: string, zipName?: string): void;
    writeZip(targetFileName?: string): void;
  }

  export = AdmZip;
}
