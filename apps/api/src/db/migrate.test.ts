import { describe, expect, it } from 'vitest';
import { listMigrations, splitStatements } from './migrate.ts';

describe('splitting a migration into statements', () => {
  it('keeps a dollar-quoted function body whole and drops comment lines outside it', () => {
    const sql = [
      '-- a comment;',
      'CREATE TABLE t (a int);',
      'CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$',
      'BEGIN',
      '  UPDATE t SET a = a + 1;',
      '  RETURN NULL;',
      'END $$;',
      'CREATE TRIGGER tr AFTER INSERT ON t',
      '  FOR EACH STATEMENT EXECUTE FUNCTION f();',
    ].join('\n');
    expect(splitStatements(sql)).toEqual([
      'CREATE TABLE t (a int)',
      'CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  UPDATE t SET a = a + 1;\n  RETURN NULL;\nEND $$',
      'CREATE TRIGGER tr AFTER INSERT ON t\n  FOR EACH STATEMENT EXECUTE FUNCTION f()',
    ]);
  });

  it('splits the migrations without function bodies exactly as the former line-end split did', () => {
    const former = (sql: string) => sql.split(/;\s*$/m).map((s) => s.replace(/^\s*--.*$/gm, '').trim()).filter(Boolean);
    const norm = (xs: string[]) => xs.map((x) => x.replace(/\n\s*\n/g, '\n').trim());
    for (const m of listMigrations().filter((x) => !x.sql.includes('$$'))) expect(norm(splitStatements(m.sql)), m.name).toEqual(norm(former(m.sql)));
  });
});
