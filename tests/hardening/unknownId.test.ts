/**
 * UnknownIdError (and its 0.x alias UnknownRoleError) says "did you mean" in the one sentence the
 * issues use (issue 10): the same words whether a person meets the id in a query or in a file.
 */
import { describe, expect, it } from 'vitest';
import { createLattice, UnknownIdError, UnknownRoleError } from '../../src/index.js';
import { makeIssue } from '../../src/schema/issues.js';
import { chain } from './helpers.js';

describe('UnknownIdError wording', () => {
  it('ends with the shared suggestion sentence an unknown_id issue ends with', () => {
    const error = new UnknownRoleError('role', 'r9', ['r1', 'r2']);
    const issue = makeIssue('unknown_id', [], {
      id: 'r9',
      entity: 'role',
      suggestions: ['r1', 'r2'],
    });
    expect(issue.message).toBe('unknown role "r9"; did you mean "r1" or "r2"?');
    expect(error.message).toBe(`role: ${issue.message}`);
    expect(new UnknownIdError('x', 'q', [], 'qualification').message).toBe(
      'x: unknown qualification "q"',
    );
  });

  it('the alias is the same class: instanceof, code, suggestions', () => {
    const lattice = createLattice(chain(3));
    let caught: unknown;
    try {
      lattice.role('r3');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UnknownRoleError);
    expect(caught).toBeInstanceOf(UnknownIdError);
    const error = caught as UnknownIdError;
    expect(error.code).toBe('unknown_role');
    expect(error.suggestions.length).toBeGreaterThan(0);
    expect(error.message).toBe(
      `role: unknown role "r3"; did you mean ${error.suggestions.map((s) => `"${s}"`).join(' or ')}?`,
    );
  });
});
