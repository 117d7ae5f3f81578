/**
 * Branch for working on an incident: the reference then a short slug of the title,
 * e.g. `inc-1042-login-fails-after-password-reset`. Only characters git accepts everywhere.
 */
export function branchName(reference: string, title: string, maxSlug = 40): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxSlug)
    .replace(/-+$/, '');
  const ref = reference.toLowerCase().replace(/[^a-z0-9-]/g, '');
  return slug ? `${ref}-${slug}` : ref;
}
