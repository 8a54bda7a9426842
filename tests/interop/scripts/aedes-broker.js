// Aedes as a broker of the interop matrix: `node scripts/aedes-broker.js PORT` listens on 127.0.0.1:PORT with
// Aedes' default in-memory persistence, prints "ready" once listening, and stops on SIGTERM.
// Aedes 1.x is an ES module: loaded with import() from this CommonJS script.
const net = require('node:net')

async function main () {
  const port = Number(process.argv[2])
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`aedes-broker: PORT ${process.argv[2]} is not a port number (1..65535): node scripts/aedes-broker.js PORT`)
    process.exit(2)
  }

  const { Aedes } = await import('aedes')
  const aedes = await Aedes.createBroker()
  aedes.on('clientError', (client, err) => console.error(`client ${client && client.id}: ${err.message}`))
  aedes.on('connectionError', (client, err) => console.error(`connection ${client && client.id}: ${err.message}`))
  const server = net.createServer(aedes.handle)
  server.listen(port, '127.0.0.1', () => console.log('ready'))
  process.on('SIGTERM', () => {
    server.close()
    aedes.close(() => process.exit(0))
  })
}

main().catch(err => {
  console.error(err)
  process.exit(1)
})
