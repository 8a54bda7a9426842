#!/usr/bin/env node
// MQTT.js (npm mqtt, from tests/interop/node_modules) as an interop peer of `capteur broker`.
//
// Runs one scenario given as JSON in argv[2] and prints one line per event on stdout, in the format every interop
// client script shares (tests/interop/Clients/ClientLine.cs parses it; tests/interop/scripts/paho_client.py documents
// the lines and the scenario keys). MQTT.js passes a PUBACK/PUBREC reason code only when it is an error (>= 0x80, as
// err.code); a successful acknowledgement prints rc=ok.
'use strict'

const mqtt = require('mqtt')

const TIMEOUT_MS = 10000
const s = JSON.parse(process.argv[2])
const v5 = s.protocol === 5

function say (line) {
  process.stdout.write(line + '\n')
}

function fail (text) {
  say('error ' + text)
  process.exitCode = 2
  client.end(true, () => process.exit(2))
}

function within (what, start) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${what} within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS)
    start((err, value) => {
      clearTimeout(timer)
      if (err) reject(err)
      else resolve(value)
    })
  })
}

const options = {
  clientId: s.clientId,
  clean: s.clean !== false,
  protocolVersion: v5 ? 5 : 4,
  reconnectPeriod: 0,
  connectTimeout: TIMEOUT_MS,
  keepalive: 30
}
if (v5 && s.sessionExpiry) options.properties = { sessionExpiryInterval: s.sessionExpiry }
if (s.will) options.will = { topic: s.will.topic, payload: Buffer.from(s.will.payload), qos: s.will.qos, retain: s.will.retain }

const client = mqtt.connect(`mqtt://${s.host}:${s.port}`, options)

client.on('message', (topic, payload, packet) => {
  const props = packet.properties || {}
  const expiry = props.messageExpiryInterval === undefined ? '' : props.messageExpiryInterval
  const user = Object.entries(props.userProperties || {})
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((one) => `${k}:${one}`)).join(',')
  say(`message topic=${topic} qos=${packet.qos} retain=${packet.retain ? 1 : 0} expiry=${expiry} user=${user} payload=${payload.toString('utf8')}`)
})
client.on('error', (err) => fail(`${err.message}${err.code === undefined ? '' : ' rc=' + err.code}`))

async function run () {
  // printed inside the event: messages a resumed session gets right after CONNACK come in the same tick
  await within('CONNACK', (done) => client.once('connect', (connack) => {
    say(`connected session_present=${connack.sessionPresent ? 1 : 0}`)
    done(null, connack)
  }))

  const subscriptions = s.subscribe || []
  if (subscriptions.length > 0) {
    const map = Object.fromEntries(subscriptions.map((sub) => [sub.filter, { qos: sub.qos }]))
    // A refused filter comes back as err (code >= 0x80) together with the granted list; print the list either way.
    const granted = await within('SUBACK', (done) => client.subscribe(map, (err, list) => done(null, { err, list })))
    const codes = granted.list ? granted.list.map((g) => g.qos) : [granted.err && granted.err.code]
    say('subscribed granted=' + codes.join(','))
  }

  for (const p of s.publish || []) {
    const opts = { qos: p.qos, retain: p.retain }
    if (v5 && (p.userProperty || p.messageExpiry)) {
      opts.properties = {}
      if (p.userProperty) opts.properties.userProperties = { [p.userProperty[0]]: p.userProperty[1] }
      if (p.messageExpiry) opts.properties.messageExpiryInterval = p.messageExpiry
    }
    const rc = await within(`acknowledgement of the publish to ${p.topic}`, (done) =>
      client.publish(p.topic, p.payload, opts, (err) => done(null, err ? err.code : (v5 ? 'ok' : '?'))))
    say(`published topic=${p.topic} rc=${rc}`)
  }

  if ((s.then || 'exit') === 'wait') {
    await new Promise((resolve) => {
      let buffered = ''
      process.stdin.on('data', (chunk) => {
        buffered += chunk.toString()
        if (buffered.split('\n').some((line) => line.trim() === 'disconnect')) resolve()
      })
      process.stdin.on('end', resolve)
    })
  }

  await new Promise((resolve) => client.end(false, resolve))
  say('disconnected')
  process.exit(0)
}

run().catch((err) => fail(err.message))
