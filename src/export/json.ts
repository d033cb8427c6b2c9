// The app's own file format: every session with everything recorded in it, raw motion included, as
// JSON. One session or all of them (the backup) use the same format. The reader checks every field
// before anything is imported, so a damaged or foreign file is refused whole with a message that
// says where it is wrong, and nothing already stored is touched. What a session keeps beside its sets
// (its pause, a chunk of raw motion or heart rate, an event, a heart-rate figure of its summary) that
// cannot be read is put right or left out on its way in, and said (see backup/read-session.ts); a
// backup's damaged sessions can be told and left out, the rest read, for an import the person chose
// (see DamagedSession).
//
// Its parts, under backup/:

// A backup some of whose sessions are damaged: what is told of them, and the choice to import the rest.
export { type DamagedSession, damagedSessionsNamed, partlyDamagedWords } from './backup/damaged-sessions.ts';
// The format: its name and versions, its layout, and its first line (with the settings it keeps).
export { FILE_FOOTER, JSON_FORMAT, JSON_FORMAT_VERSION, type Preferences } from './backup/format.ts';
// Reading a whole file at once.
export { fromJson, type ReadSessions, readJson } from './backup/read-file.ts';
// The error a file is refused with, saying where it is wrong.
export { ImportError } from './backup/reader.ts';
// Reading a file a session at a time from a stream, however large.
export { type ReadOptions, readSessionStream } from './backup/stream.ts';
// Writing: the header, a line per session, or a whole file at once.
export { fileHeader, sessionLine, toJson } from './backup/write.ts';
// Further in, one module each: why a file is no backup (not-a-backup.ts); a session's row, summary and
// lists (read-session.ts), its sets, events and chunks (read-rows.ts), its saved state and pauses
// (read-saved-state.ts); the bounds of their fields (bounds.ts); the walk over untrusted JSON that says
// where it is wrong (reader.ts); typed arrays as base64 (base64.ts).
