import { AnswerInputSchema, IncidentCreateInputSchema } from '@handoff/shared';
import { describe, expect, it } from 'vitest';
import { captureMaxLength, maxLengthOf, schemaAt } from './limits';

describe('form limits come from the shared schemas', () => {
  it('names the limit of each capture field by its form name', () => {
    expect(captureMaxLength('title')).toBe(200);
    expect(captureMaxLength('description')).toBe(20_000);
    expect(captureMaxLength('customer.name')).toBe(200);
    expect(captureMaxLength('customer.email')).toBe(320);
    expect(captureMaxLength('steps.3.action')).toBe(2000);
    expect(captureMaxLength('steps.0.expected')).toBe(2000);
    expect(captureMaxLength('answers.sso')).toBe(5000);
    expect(captureMaxLength('environment.os')).toBe(1000);
    expect(captureMaxLength('workaround')).toBe(5000);
  });

  it('is exactly the length the schema still accepts', () => {
    for (const name of ['title', 'description', 'steps.0.action', 'answers.sso', 'environment.browser', 'product', 'version']) {
      const schema = schemaAt(IncidentCreateInputSchema, name)!;
      const max = captureMaxLength(name)!;
      expect(schema.safeParse('x'.repeat(max)).success, name).toBe(true);
      expect(schema.safeParse('x'.repeat(max + 1)).success, name).toBe(false);
    }
  });

  it('says nothing for fields without a text limit or names the schema does not have', () => {
    expect(captureMaxLength('severity')).toBeUndefined();
    expect(captureMaxLength('reproducedByAgent')).toBeUndefined();
    expect(captureMaxLength('customer.phone')).toBeUndefined();
    expect(captureMaxLength('steps.first.action')).toBeUndefined();
    expect(captureMaxLength('title.more')).toBeUndefined();
  });

  it('reads through defaults and optionals', () => {
    expect(maxLengthOf(AnswerInputSchema.shape.answer)).toBe(10_000);
    expect(maxLengthOf(IncidentCreateInputSchema.shape.component)).toBe(80);
  });
});
