// Mosca as a broker of the interop matrix: `node scripts/mosca-broker.js PORT` listens on 127.0.0.1:PORT with Mosca's
// in-memory backend and persistence, prints "ready" once listening, and stops on SIGTERM.
const mosca = require('mosca')

const port = Number(process.argv[2])
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`mosca-broker: PORT ${process.argv[2]} is not a port number (1..65535): node scripts/mosca-broker.js PORT`)
  process.exit(2)
}

const server = new mosca.Server({
  interfaces: [{ type: 'mqtt', host: '127.0.0.1', port }],
  persistence: { factory: mosca.persistence.Memory }
})
server.on('ready', () => console.log('ready'))
server.on('error', err => {
  console.error(err)
  process.exit(1)
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
