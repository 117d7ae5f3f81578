import type http from 'node:http';
import { MAX_CUSTOMER_IMAGE_BYTES } from '@handoff/shared';
import busboy from 'busboy';

/** Form fields are small: a comment of at most 5,000 characters. */
const MAX_FORM_BYTES = 64 * 1024;

/** A file sent with a form: its bytes up to the limit, and whether it was larger. */
export interface FormFile {
  name: string;
  bytes: Buffer;
  tooLarge: boolean;
}

export interface FormBody {
  fields: URLSearchParams;
  /** The `image` file when one was chosen. */
  image: FormFile | null;
}

/**
 * A form post of the customer's page: URL-encoded, or multipart (the comment form, which may carry
 * one image; parsed by busboy, the parser behind multer). Null when it is neither or too large.
 * A file past the image limit is cut off and marked, so the page can say so and keep the text.
 */
export async function readForm(req: http.IncomingMessage): Promise<FormBody | null> {
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) return null;
      chunks.push(chunk);
    }
    return { fields: new URLSearchParams(Buffer.concat(chunks).toString('utf8')), image: null };
  }
  if (!type.startsWith('multipart/form-data')) return null;
  return new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { fieldSize: MAX_FORM_BYTES, fields: 10, files: 1, fileSize: MAX_CUSTOMER_IMAGE_BYTES, parts: 12 },
      });
    } catch {
      return resolve(null);
    }
    const fields = new URLSearchParams();
    let image: FormFile | null = null;
    parser.on('field', (name, value) => fields.append(name, value));
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('close', () => {
        const bytes = Buffer.concat(chunks);
        // An empty file part is the browser's "no file chosen".
        if (name === 'image' && (bytes.length > 0 || info.filename)) {
          image = { name: info.filename || 'image', bytes, tooLarge: (stream as unknown as { truncated: boolean }).truncated };
        }
      });
    });
    parser.on('close', () => resolve({ fields, image: image && (image.bytes.length > 0 || image.tooLarge) ? image : null }));
    parser.on('error', () => resolve(null));
    req.pipe(parser);
  });
}
