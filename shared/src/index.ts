export * from './schemas/reference.js';
export * from './schemas/status.js';
export * from './schemas/roles.js';
export * from './schemas/template.js';
export * from './schemas/incident.js';
export * from './schemas/event.js';
export * from './schemas/procedures.js';
export * from './schemas/release.js';
