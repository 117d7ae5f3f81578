import { describe, expect, it } from 'vitest';
import { environmentFromText, stepsFromText } from './suggest';

describe('what the customer wrote, offered for the form', () => {
  it('numbered steps become reproduction steps; a lone number does not', () => {
    expect(stepsFromText('Hi\n1. Open Billing\n2) Pick an invoice\n3. Export\nThanks')).toEqual([
      'Open Billing',
      'Pick an invoice',
      'Export',
    ]);
    expect(stepsFromText('1. only one line')).toEqual([]);
  });
  it('bullets count when there are no numbers', () => {
    expect(stepsFromText('- Connect\n- Work normally\n* Wait an hour')).toEqual(['Connect', 'Work normally', 'Wait an hour']);
  });
  it('finds browser, operating system and app version in English text', () => {
    expect(environmentFromText('We use Firefox 132 on Windows 11, app version 5.3.1.')).toEqual({
      os: 'Windows 11',
      browser: 'Firefox 132',
      version: '5.3.1',
    });
    expect(environmentFromText('Seen on iOS 18.1 with v3.2.0')).toEqual({ os: 'iOS 18.1', version: '3.2.0' });
    expect(environmentFromText('nothing here')).toEqual({});
  });
});
