// An S3-compatible server on 127.0.0.1 (s3rver, objects as files in a temp folder): what the LanceDB
// store on object storage is tested against. Its keys are s3rver's fixed pair.
import S3rver from 's3rver';

export const S3_KEYS = { id: 'S3RVER', secret: 'S3RVER' };

export async function startObjectStore(directory: string, bucket: string) {
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return { endpoint: `http://127.0.0.1:${port}`, close: () => server.close() };
}
