// adm-zip ships no types and @types/adm-zip is not a dependency: just what the artifact test uses,
// so `tsc --noEmit` (part of `npm test`) passes.
declare module 'adm-zip' {
  interface ZipEntry {
    readonly entryName: string;
  }
  export default class AdmZip {
    constructor(path?: string);
    getEntries(): ZipEntry[];
    readFile(entry: string | ZipEntry): Buffer | null;
    extractEntryTo(entry: string | ZipEntry, targetPath: string, maintainEntryPath?: boolean, overwrite?: boolean): boolean;
    addLocalFile(localPath: string, zipPath?: string): void;
    writeZip(targetFileName?: string): void;
  }
}
