import { describe, expect, it } from 'vitest';
import { splitServerErrors } from './serverErrors';

describe('splitServerErrors', () => {
  it('puts form errors at their fields, nested and in lists', () => {
    const { form, other } = splitServerErrors({
      'form.engineer': ['must not be empty'],
      'form.materials[1].qty': ['must be at least 1'],
    });
    expect(form).toEqual({
      engineer: { __errors: ['must not be empty'] },
      materials: { 1: { qty: { __errors: ['must be at least 1'] } } },
    });
    expect(other).toEqual({});
  });

  it('puts an error of the whole form at the top of the form', () => {
    expect(splitServerErrors({ form: ['is required: fill in the ServiceReport'] }).form).toEqual({
      __errors: ['is required: fill in the ServiceReport'],
    });
  });

  it('keeps errors of other fields apart, by their path', () => {
    const { form, other } = splitServerErrors({ outcome: ['not offered'], reason: ['is required'] });
    expect(form).toEqual({});
    expect(other).toEqual({ outcome: ['not offered'], reason: ['is required'] });
  });

  it('answers nothing for no errors', () => {
    expect(splitServerErrors(undefined)).toEqual({ form: {}, other: {} });
  });
});
