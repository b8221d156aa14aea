<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>%n month ago</numerusform>
            <numerusform>%n months ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>%n year ago</numerusform>
            <numerusform>%n years ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>overdue by %n day</numerusform>
            <numerusform>overdue by %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>due in %n day(s)</source>
        <translation>
            <numerusform>due in %n day</numerusform>
            <numerusform>due in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n+ found · scroll for more</source>
        <translation>
            <numerusform>%n+ found · scroll for more</numerusform>
            <numerusform>%n+ found · scroll for more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>newest %n loaded</source>
        <translation>
            <numerusform>newest %n loaded</numerusform>
            <numerusform>newest %n loaded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n encounter(s)</source>
        <translation>
            <numerusform>%n encounter</numerusform>
            <numerusform>%n encounters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation>
            <numerusform>%n shown</numerusform>
            <numerusform>%n shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reflection(s)</source>
        <translation>
            <numerusform>%n reflection</numerusform>
            <numerusform>%n reflections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new person(s) to triage</source>
        <translation>
            <numerusform>%n new person to triage</numerusform>
            <numerusform>%n new people to triage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more meeting(s) this week…</source>
        <translation>
            <numerusform>%n more meeting this week…</numerusform>
            <numerusform>%n more meetings this week…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show all %n meeting(s) this week</source>
        <translation>
            <numerusform>Show all %n meeting this week</numerusform>
            <numerusform>Show all %n meetings this week</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more past meeting(s)…</source>
        <translation>
            <numerusform>%n more past meeting…</numerusform>
            <numerusform>%n more past meetings…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show all %n past meeting(s)</source>
        <translation>
            <numerusform>Show all %n past meeting</numerusform>
            <numerusform>Show all %n past meetings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more promise(s)…</source>
        <translation>
            <numerusform>%n more promise…</numerusform>
            <numerusform>%n more promises…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show all %n promise(s)</source>
        <translation>
            <numerusform>Show all %n promise</numerusform>
            <numerusform>Show all %n promises</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more thanks to send…</source>
        <translation>
            <numerusform>%n more thanks to send…</numerusform>
            <numerusform>%n more thanks to send…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show all %n thanks to send</source>
        <translation>
            <numerusform>Show all %n thanks to send</numerusform>
            <numerusform>Show all %n thanks to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last met {ago} · you hoped every %n day(s)</source>
        <translation>
            <numerusform>last met {ago} · you hoped every %n day</numerusform>
            <numerusform>last met {ago} · you hoped every %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more person(s)…</source>
        <translation>
            <numerusform>%n more person…</numerusform>
            <numerusform>%n more people…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show all %n person(s)</source>
        <translation>
            <numerusform>Show all %n person</numerusform>
            <numerusform>Show all %n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) of contacts may be the same person. Ichigo never joins them without your word.</source>
        <translation>
            <numerusform>%n pair of contacts may be the same person. Ichigo never joins them without your word.</numerusform>
            <numerusform>%n pairs of contacts may be the same person. Ichigo never joins them without your word.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new person(s) to meet: click a “new” badge to triage.</source>
        <translation>
            <numerusform>%n new person to meet: click a “new” badge to triage.</numerusform>
            <numerusform>%n new people to meet: click a “new” badge to triage.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n meeting</numerusform>
            <numerusform>%n meetings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new person(s) in this meeting</source>
        <translation>
            <numerusform>%n new person in this meeting</numerusform>
            <numerusform>%n new people in this meeting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new person(s)</source>
        <translation>
            <numerusform>%n new person</numerusform>
            <numerusform>%n new people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AddAddressBookDialog</name>
    <message numerus="yes">
        <source>Connected. %n address book(s): choose the one to link.</source>
        <translation>
            <numerusform>Connected. %n address book: choose the one to link.</numerusform>
            <numerusform>Connected. %n address books: choose the one to link.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AddSourceDialog</name>
    <message numerus="yes">
        <source>Connected. %n calendar(s) with events: tick the ones to follow.</source>
        <translation>
            <numerusform>Connected. %n calendar with events: tick the ones to follow.</numerusform>
            <numerusform>Connected. %n calendars with events: tick the ones to follow.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AddressBookWords</name>
    <message numerus="yes">
        <source>%n new contact(s)</source>
        <translation>
            <numerusform>%n new contact</numerusform>
            <numerusform>%n new contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) updated</source>
        <translation>
            <numerusform>%n contact updated</numerusform>
            <numerusform>%n contacts updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) unlinked</source>
        <translation>
            <numerusform>%n contact unlinked</numerusform>
            <numerusform>%n contacts unlinked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) written</source>
        <translation>
            <numerusform>%n card written</numerusform>
            <numerusform>%n cards written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) updated</source>
        <translation>
            <numerusform>%n card updated</numerusform>
            <numerusform>%n cards updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) deleted</source>
        <translation>
            <numerusform>%n card deleted</numerusform>
            <numerusform>%n cards deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) merged</source>
        <translation>
            <numerusform>%n change merged</numerusform>
            <numerusform>%n changes merged</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AddressBooksTab</name>
    <message numerus="yes">
        <source>%n contact(s) whose card was deleted in &apos;{name}&apos; on the server will be written to it again at the next sync, if it receives them.</source>
        <translation>
            <numerusform>%n contact whose card was deleted in &apos;{name}&apos; on the server will be written to it again at the next sync, if it receives them.</numerusform>
            <numerusform>%n contacts whose card was deleted in &apos;{name}&apos; on the server will be written to it again at the next sync, if it receives them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) included again</source>
        <translation>
            <numerusform>%n contact included again</numerusform>
            <numerusform>%n contacts included again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new contact(s)</source>
        <translation>
            <numerusform>%n new contact</numerusform>
            <numerusform>%n new contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) written</source>
        <translation>
            <numerusform>%n card written</numerusform>
            <numerusform>%n cards written</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarsDialog</name>
    <message numerus="yes">
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>%n meeting</numerusform>
            <numerusform>%n meetings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new person/people</source>
        <translation>
            <numerusform>%n new person</numerusform>
            <numerusform>%n new people</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactImportSummary</name>
    <message numerus="yes">
        <source>Merged %n contact(s) the file showed to be someone you already had.</source>
        <translation>
            <numerusform>Merged %n contact the file showed to be someone you already had.</numerusform>
            <numerusform>Merged %n contacts the file showed to be someone you already had.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n possible duplicate(s): a new contact may be someone you already have (a shared name, say). They were kept apart; review them in Contacts › Duplicates…</source>
        <translation>
            <numerusform>%n possible duplicate: a new contact may be someone you already have (a shared name, say). They were kept apart; review them in Contacts › Duplicates…</numerusform>
            <numerusform>%n possible duplicates: a new contact may be someone you already have (a shared name, say). They were kept apart; review them in Contacts › Duplicates…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n row(s) (see below).</source>
        <translation>
            <numerusform>Skipped %n row (see below).</numerusform>
            <numerusform>Skipped %n rows (see below).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactsInOut</name>
    <message numerus="yes">
        <source>Exported %n contact(s) to {path}</source>
        <translation>
            <numerusform>Exported %n contact to {path}</numerusform>
            <numerusform>Exported %n contacts to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n contact(s) to
{path}

This file is not encrypted.</source>
        <translation>
            <numerusform>Exported %n contact to
{path}

This file is not encrypted.</numerusform>
            <numerusform>Exported %n contacts to
{path}

This file is not encrypted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message numerus="yes">
        <source>%n pair(s) of contacts may be the same person. Ichigo never joins two contacts on a guess: compare each pair and merge it, or say they are different people and Ichigo will not ask again.</source>
        <translation>
            <numerusform>%n pair of contacts may be the same person. Ichigo never joins two contacts on a guess: compare each pair and merge it, or say they are different people and Ichigo will not ask again.</numerusform>
            <numerusform>%n pairs of contacts may be the same person. Ichigo never joins two contacts on a guess: compare each pair and merge it, or say they are different people and Ichigo will not ask again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>Imported %n event(s)</source>
        <translation>
            <numerusform>Imported %n event</numerusform>
            <numerusform>Imported %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n problem(s)&lt;/b&gt;: these parts could not be read; everything else was imported.</source>
        <translation>
            <numerusform>&lt;b&gt;%n problem&lt;/b&gt;: these parts could not be read; everything else was imported.</numerusform>
            <numerusform>&lt;b&gt;%n problems&lt;/b&gt;: these parts could not be read; everything else was imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Meet %n new person/people…</source>
        <translation>
            <numerusform>Meet %n new person…</numerusform>
            <numerusform>Meet %n new people…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invitation(s)</source>
        <translation>
            <numerusform>%n invitation</numerusform>
            <numerusform>%n invitations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n e-mail message(s)</source>
        <translation>
            <numerusform>%n e-mail message</numerusform>
            <numerusform>%n e-mail messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new person/people to meet.</source>
        <translation>
            <numerusform>%n new person to meet.</numerusform>
            <numerusform>%n new people to meet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %n calendar(s)</source>
        <translation>
            <numerusform>Importing %n calendar</numerusform>
            <numerusform>Importing %n calendars</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message numerus="yes">
        <source>Use at least %n character(s).</source>
        <translation>
            <numerusform>Use at least %n character.</numerusform>
            <numerusform>Use at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintDayDialog</name>
    <message numerus="yes">
        <source>%n meeting(s) on {day}, in order on one page, with a line for each person.</source>
        <translation>
            <numerusform>%n meeting on {day}, in order on one page, with a line for each person.</numerusform>
            <numerusform>%n meetings on {day}, in order on one page, with a line for each person.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s) on {day}: one card each, in one document.</source>
        <translation>
            <numerusform>%n meeting on {day}: one card each, in one document.</numerusform>
            <numerusform>%n meetings on {day}: one card each, in one document.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n card(s) to {path}</source>
        <translation>
            <numerusform>Saved %n card to {path}</numerusform>
            <numerusform>Saved %n cards to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sent %n card(s) to the printer.</source>
        <translation>
            <numerusform>Sent %n card to the printer.</numerusform>
            <numerusform>Sent %n cards to the printer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message numerus="yes">
        <source>every %n hour(s)</source>
        <translation>
            <numerusform>every %n hour</numerusform>
            <numerusform>every %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n min</source>
        <translation>
            <numerusform>every %n min</numerusform>
            <numerusform>every %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new meeting(s)</source>
        <translation>
            <numerusform>%n new meeting</numerusform>
            <numerusform>%n new meetings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n cancelled</numerusform>
            <numerusform>%n cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>%n removed</numerusform>
            <numerusform>%n removed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message numerus="yes">
        <source>No meetings in the next %n day(s)</source>
        <translation>
            <numerusform>No meetings in the next %n day</numerusform>
            <numerusform>No meetings in the next %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remind me %n minute(s) before</source>
        <translation>
            <numerusform>Remind me %n minute before</numerusform>
            <numerusform>Remind me %n minutes before</numerusform>
        </translation>
    </message>
</context>
</TS>
