/** The port the service was told to listen on is taken: said in one plain sentence, before anything else ran. */
export class PortInUseError extends Error {
  readonly code = 'PORT_IN_USE';

  constructor(
    readonly port: number,
    readonly host: string,
  ) {
    super(`port ${port} on ${host} is already in use: stop what listens there, or set PORT to a free port`);
  }
}
