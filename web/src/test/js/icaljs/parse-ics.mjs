// Parses an iCalendar feed with ical.js, as Thunderbird does, and prints what a calendar client would show for
// each event as JSON (one object per VEVENT). Usage: node parse-ics.mjs FEED.ics
// Any parse error, an event whose TZID has no VTIMEZONE in the feed, or a missing UID/DTSTAMP exits non-zero.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const text = readFileSync(process.argv[2], 'utf8');
const root = new ICAL.Component(ICAL.parse(text));
if (root.name !== 'vcalendar') throw new Error('not a VCALENDAR: ' + root.name);

const zones = new Map();
for (const vtimezone of root.getAllSubcomponents('vtimezone')) {
  const zone = new ICAL.Timezone(vtimezone);
  zones.set(zone.tzid, zone);
  ICAL.TimezoneService.register(zone);
}

const events = root.getAllSubcomponents('vevent').map((vevent) => {
  for (const required of ['uid', 'dtstamp', 'dtstart']) {
    if (!vevent.hasProperty(required)) throw new Error('VEVENT without ' + required.toUpperCase());
  }
  const event = new ICAL.Event(vevent);
  const start = event.startDate;
  const tzid = vevent.getFirstProperty('dtstart').getParameter('tzid') || null;
  if (tzid && !zones.has(tzid)) throw new Error('DTSTART names TZID ' + tzid + ' but the feed has no such VTIMEZONE');
  return {
    uid: event.uid,
    summary: event.summary,
    description: event.description,
    sequence: event.sequence,
    status: vevent.getFirstPropertyValue('status'),
    url: vevent.getFirstPropertyValue('url'),
    lastModified: vevent.getFirstPropertyValue('last-modified').toString(),
    allDay: start.isDate,
    tzid,
    startLocal: start.toString(),
    startUtc: start.isDate ? null : new Date(start.toUnixTime() * 1000).toISOString(),
    endLocal: event.endDate.toString(),
    categories: vevent.getAllProperties('categories').flatMap((p) => p.getValues()),
  };
});

process.stdout.write(JSON.stringify({ name: root.getFirstPropertyValue('x-wr-calname'), events }));
