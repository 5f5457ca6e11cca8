import { describe, expect, it } from 'vitest';
import { completionErrors } from './completionErrors';

describe('completionErrors', () => {
  it('puts form errors at the form fields', () => {
    const errors = completionErrors({ 'form.engineer': ['must not be empty'] }, false);
    expect(errors.form).toEqual({ engineer: { __errors: ['must not be empty'] } });
    expect(errors.reason).toEqual([]);
    expect(errors.general).toEqual([]);
  });

  it('puts a missing reason at the reason field when the form has none', () => {
    const errors = completionErrors({ 'form.reason': ['is required when the outcome is Reject'] }, false);
    expect(errors.reason).toEqual(['is required when the outcome is Reject']);
    expect(errors.form).toEqual({});
  });

  it('leaves a reason error in the form when the form has a reason field', () => {
    const errors = completionErrors({ 'form.reason': ['must not be empty'] }, true);
    expect(errors.form).toEqual({ reason: { __errors: ['must not be empty'] } });
    expect(errors.reason).toEqual([]);
  });

  it('takes a reason keyed without the form prefix too', () => {
    expect(completionErrors({ reason: ['is required'] }, false).reason).toEqual(['is required']);
  });

  it('says what is wrong with the outcome above the buttons, naming the field', () => {
    expect(completionErrors({ outcome: ["'Maybe' is not offered"] }, false).general).toEqual([
      "outcome: 'Maybe' is not offered",
    ]);
  });
});
