// Starts Bluesky's reference servers (PLC, PDS, AppView, with the bsync and Ozone services the AppView needs)
// from @atproto/dev-env on fixed loopback ports, prints one ready line, and closes them on SIGTERM or SIGINT.
// Run by start.sh with Node 22 and DB_POSTGRES_URL, REDIS_HOST, TMPDIR set; see README.md.
import { TestNetwork } from '@atproto/dev-env'

const port = (name, fallback) => Number(process.env[name] || fallback)
const ports = {
  plc: port('BLUESKY_PLC_PORT', 2582),
  pds: port('BLUESKY_PDS_PORT', 2583),
  bsky: port('BLUESKY_APPVIEW_PORT', 2584),
  ozone: port('BLUESKY_OZONE_PORT', 2587),
}

for (const name of ['DB_POSTGRES_URL', 'REDIS_HOST']) {
  if (!process.env[name]) {
    console.error(`BLUESKY FAILED: ${name} is not set (start the network with start.sh)`)
    process.exit(2)
  }
}

const started = Date.now()
let network
let closing = false

const close = async (signal) => {
  if (closing) return
  closing = true
  console.log(`BLUESKY CLOSING on ${signal}`)
  const timer = setTimeout(() => {
    console.error('BLUESKY CLOSE TIMED OUT after 20 s')
    process.exit(1)
  }, 20_000)
  try {
    // a signal during start-up finds no network yet: exiting stops whatever had started
    if (network) await network.close()
    console.log('BLUESKY CLOSED')
    process.exit(0)
  } catch (err) {
    console.error('BLUESKY CLOSE FAILED', err)
    process.exit(1)
  } finally {
    clearTimeout(timer)
  }
}
process.on('SIGTERM', () => close('SIGTERM'))
process.on('SIGINT', () => close('SIGINT'))

try {
  network = await TestNetwork.create({
    // letters and underscores only: the services use bsync_bsky, appview_bsky and ozone_bsky
    dbPostgresSchema: process.env.BLUESKY_DB_SCHEMA || 'bsky',
    plc: { port: ports.plc },
    pds: { port: ports.pds, hostname: 'localhost' },
    bsky: { port: ports.bsky, publicUrl: `http://localhost:${ports.bsky}` },
    ozone: {
      port: ports.ozone,
      chatUrl: 'http://localhost:2590', // no chat service runs; Ozone only needs an address
      chatDid: 'did:example:chat',
    },
  })
} catch (err) {
  console.error('BLUESKY FAILED to start:', err)
  process.exit(1)
}

console.log(
  `BLUESKY READY pds=http://localhost:${network.pds.port} appview=http://localhost:${network.bsky.port}` +
    ` plc=http://localhost:${network.plc.port} in ${Date.now() - started} ms`,
)
