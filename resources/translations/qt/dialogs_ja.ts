<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>AccountDialog</name>
    <message>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>接続をテスト(&amp;T)</translation>
    </message>
</context>
<context>
    <name>AddAddressBookDialog</name>
    <message>
        <source>Phone</source>
        <translation>スマートフォン</translation>
    </message>
    <message>
        <source>Test the connection to choose the address book.</source>
        <translation>接続をテストすると、アドレス帳を選べます。</translation>
    </message>
    <message>
        <source>Link and sync</source>
        <translation>連携して同期</translation>
    </message>
    <message>
        <source>Link an address book</source>
        <translation>アドレス帳との連携</translation>
    </message>
    <message>
        <source>https://carddav.example.com/ (your provider&apos;s address)</source>
        <translation>https://carddav.example.com/（ご利用のサービスのアドレス）</translation>
    </message>
    <message>
        <source>Address books of the account</source>
        <translation>アカウントのアドレス帳</translation>
    </message>
    <message>
        <source>&amp;None: only read the address book into Ichigo</source>
        <translation>なし: アドレス帳を Ichigo に読み込むだけ(&amp;N)</translation>
    </message>
    <message>
        <source>A&amp;ll my contacts</source>
        <translation>すべての連絡先(&amp;L)</translation>
    </message>
    <message>
        <source>Contacts with the ta&amp;g</source>
        <translation>次のタグの連絡先(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>サーバー(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>ユーザー名(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <source>Contacts written to the address book:</source>
        <translation>アドレス帳に書き込む連絡先:</translation>
    </message>
    <message>
        <source>iCloud needs an app-specific password; Fastmail and Nextcloud offer app passwords too. Ichigo keeps it only inside your encrypted vault.</source>
        <translation>iCloud ではアプリ用パスワードが必要です。Fastmail や Nextcloud にもアプリ用パスワードがあります。パスワードは暗号化された保管庫の中にだけ保存されます。</translation>
    </message>
    <message>
        <source>Sync &amp;every:</source>
        <translation>同期の間隔(&amp;E):</translation>
    </message>
    <message numerus="yes">
        <source>Connected. %n address book(s): choose the one to link.</source>
        <translation>
            <numerusform>接続しました。アドレス帳が %n 件あります。連携するものを選んでください。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AddSourceDialog</name>
    <message>
        <source>Work</source>
        <translation>仕事</translation>
    </message>
    <message>
        <source>Test the connection to choose the calendars to follow.</source>
        <translation>接続をテストすると、同期するカレンダーを選べます。</translation>
    </message>
    <message>
        <source>Add and sync</source>
        <translation>追加して同期</translation>
    </message>
    <message>
        <source>Add a calendar link</source>
        <translation>カレンダーのリンクを追加</translation>
    </message>
    <message>
        <source>Add a CalDAV account</source>
        <translation>CalDAV アカウントを追加</translation>
    </message>
    <message>
        <source>Work, Family…</source>
        <translation>仕事、家族…</translation>
    </message>
    <message>
        <source>https://… or webcal://… (the calendar&apos;s secret address)</source>
        <translation>https://… または webcal://…（カレンダーの非公開アドレス）</translation>
    </message>
    <message>
        <source>https://caldav.example.com/ (your provider&apos;s CalDAV address)</source>
        <translation>https://caldav.example.com/（ご利用のサービスの CalDAV アドレス）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Link:</source>
        <translation>リンク(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>サーバー(&amp;S):</translation>
    </message>
    <message>
        <source>Calendars to follow</source>
        <translation>同期するカレンダー</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>ユーザー名(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <source>Sync &amp;every:</source>
        <translation>同期の間隔(&amp;E):</translation>
    </message>
    <message>
        <source>iCloud needs an app-specific password (appleid.apple.com › Sign-In and Security); Fastmail and Nextcloud offer app passwords too.</source>
        <translation>iCloud ではアプリ用パスワードが必要です（appleid.apple.com › サインインとセキュリティ）。Fastmail や Nextcloud にもアプリ用パスワードがあります。</translation>
    </message>
    <message numerus="yes">
        <source>Connected. %n calendar(s) with events: tick the ones to follow.</source>
        <translation>
            <numerusform>接続しました。予定のあるカレンダーが %n 件あります。同期するものにチェックを入れてください。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AddressBookWords</name>
    <message>
        <source>Pull only</source>
        <translation>読み込みのみ</translation>
    </message>
    <message>
        <source>Both ways, all contacts</source>
        <translation>双方向、すべての連絡先</translation>
    </message>
    <message>
        <source>Both ways, contacts tagged {tag}</source>
        <translation>双方向、タグ「{tag}」の連絡先</translation>
    </message>
    <message numerus="yes">
        <source>%n new contact(s)</source>
        <translation>
            <numerusform>新しい連絡先 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) updated</source>
        <translation>
            <numerusform>連絡先 %n 件を更新</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) unlinked</source>
        <translation>
            <numerusform>連絡先 %n 件の連携を解除</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) written</source>
        <translation>
            <numerusform>カード %n 件を書き込み</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) updated</source>
        <translation>
            <numerusform>カード %n 件を更新</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) deleted</source>
        <translation>
            <numerusform>カード %n 件を削除</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) merged</source>
        <translation>
            <numerusform>変更 %n 件を統合</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>No changes</source>
        <translation>変更なし</translation>
    </message>
</context>
<context>
    <name>AddressBooksTab</name>
    <message>
        <source>Contacts stay in step with the address book your phone uses (Nextcloud, Fastmail, iCloud…). Only names, e-mails, phones, company, title, links, birthday, photo, address and pronouns are written to it, never fields you marked private, notes, reflections or encounters.</source>
        <translation>スマートフォンで使っているアドレス帳（Nextcloud、Fastmail、iCloud など）と連絡先を同期します。書き込むのは名前、メールアドレス、電話番号、会社、役職、リンク、誕生日、写真、住所、代名詞だけです。非公開にした項目、メモ、振り返り、ミーティングは書き込みません。</translation>
    </message>
    <message>
        <source>Address books linked</source>
        <translation>連携しているアドレス帳</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Address book</source>
        <translation>アドレス帳</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation>最終同期</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>No address book linked yet.</source>
        <translation>連携しているアドレス帳はまだありません。</translation>
    </message>
    <message>
        <source>Add &amp;address book…</source>
        <translation>アドレス帳を追加(&amp;A)…</translation>
    </message>
    <message>
        <source>Include unlin&amp;ked contacts again…</source>
        <translation>連携を解除した連絡先を戻す(&amp;K)…</translation>
    </message>
    <message>
        <source>Contacts whose cards were deleted on the server stay out of that address book until you include them again</source>
        <translation>サーバーでカードが削除された連絡先は、戻すまでそのアドレス帳には書き込まれません</translation>
    </message>
    <message>
        <source>Include unlinked contacts again</source>
        <translation>連携を解除した連絡先を戻す</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) whose card was deleted in &apos;{name}&apos; on the server will be written to it again at the next sync, if it receives them.</source>
        <translation>
            <numerusform>サーバーの「{name}」でカードが削除された連絡先 %n 件を、次回の同期で再び書き込みます（アドレス帳が受け付ける場合）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Include again</source>
        <translation>戻す</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) included again</source>
        <translation>
            <numerusform>連絡先 %n 件を戻しました</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not link the address book</source>
        <translation>アドレス帳と連携できませんでした</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; linked: {contacts}, {cards}</source>
        <translation>「{name}」と連携しました: {contacts}、{cards}</translation>
    </message>
    <message numerus="yes">
        <source>%n new contact(s)</source>
        <translation>
            <numerusform>新しい連絡先 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s) written</source>
        <translation>
            <numerusform>カード %n 件を書き込み</numerusform>
        </translation>
    </message>
    <message>
        <source>Unlink address book</source>
        <translation>アドレス帳の連携を解除</translation>
    </message>
    <message>
        <source>Unlink &apos;{name}&apos;?

Its contacts stay in Ichigo with their history, and its cards stay on the server; nothing is synced between them any more.</source>
        <translation>「{name}」との連携を解除しますか？

連絡先は履歴とともに Ichigo に残り、カードもサーバーに残ります。今後は互いに同期されません。</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>連携を解除</translation>
    </message>
    <message>
        <source>Could not unlink the address book</source>
        <translation>アドレス帳の連携を解除できませんでした</translation>
    </message>
</context>
<context>
    <name>CalendarImport</name>
    <message>
        <source>&amp;Import calendar…</source>
        <translation>カレンダーを取り込む(&amp;I)…</translation>
    </message>
    <message>
        <source>Import meetings from .ics files (Google, Outlook, Apple, invites)</source>
        <translation>.ics ファイル（Google、Outlook、Apple、招待状）からミーティングを取り込みます</translation>
    </message>
    <message>
        <source>Ne&amp;w people…</source>
        <translation>未登録の人(&amp;W)…</translation>
    </message>
    <message>
        <source>People from your calendar who are not in your contacts yet</source>
        <translation>カレンダーに登場し、まだ連絡先にいない人</translation>
    </message>
    <message>
        <source>Import calendar</source>
        <translation>カレンダーの取り込み</translation>
    </message>
    <message>
        <source>An import is already running; wait for it to finish.</source>
        <translation>取り込みはすでに実行中です。終わるまでお待ちください。</translation>
    </message>
    <message>
        <source>Calendars and invitations</source>
        <translation>カレンダーと招待状</translation>
    </message>
    <message>
        <source>Calendars</source>
        <translation>カレンダー</translation>
    </message>
    <message>
        <source>E-mail messages</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>すべてのファイル</translation>
    </message>
    <message>
        <source>Import {files} into your vault?</source>
        <translation>{files} を保管庫に取り込みますか？</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>取り込む</translation>
    </message>
</context>
<context>
    <name>CalendarSync</name>
    <message>
        <source>&amp;Calendars…</source>
        <translation>カレンダー(&amp;C)…</translation>
    </message>
    <message>
        <source>Follow calendar links and CalDAV accounts; see when they last synced</source>
        <translation>カレンダーのリンクや CalDAV アカウントと同期し、最後に同期した日時を確認します</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>今すぐ同期(&amp;S)</translation>
    </message>
    <message>
        <source>Fetch what changed in the calendars you follow</source>
        <translation>同期しているカレンダーの変更を取得します</translation>
    </message>
    <message>
        <source>No calendars followed yet: File › Calendars… adds one</source>
        <translation>同期しているカレンダーはまだありません。ファイル › カレンダー… から追加できます</translation>
    </message>
    <message>
        <source>Syncing calendars…</source>
        <translation>カレンダーを同期しています…</translation>
    </message>
    <message>
        <source>Many contacts would change</source>
        <translation>多くの連絡先が変更されます</translation>
    </message>
    <message>
        <source>Syncing the address book &apos;{name}&apos; would delete or overwrite many contacts, so it stopped and changed nothing.</source>
        <translation>アドレス帳「{name}」を同期すると多くの連絡先が削除または上書きされるため、何も変更せずに中止しました。</translation>
    </message>
    <message>
        <source>{reason}

Go ahead only if you expected this (say, you cleaned up the address book on your phone).</source>
        <translation>{reason}

スマートフォンでアドレス帳を整理した場合など、想定どおりのときだけ続けてください。</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>今はしない</translation>
    </message>
    <message>
        <source>Go ahead</source>
        <translation>続ける</translation>
    </message>
    <message>
        <source>Calendars could not be synced</source>
        <translation>カレンダーを同期できませんでした</translation>
    </message>
</context>
<context>
    <name>CalendarsDialog</name>
    <message>
        <source>Calendars and address books</source>
        <translation>カレンダーとアドレス帳</translation>
    </message>
    <message>
        <source>Ichigo follows these calendars and keeps your meetings and prep cards current. Links and passwords are kept only inside your encrypted vault.</source>
        <translation>Ichigo はこれらのカレンダーと同期し、ミーティングと準備カードを最新に保ちます。リンクとパスワードは暗号化された保管庫の中にだけ保存されます。</translation>
    </message>
    <message>
        <source>Calendars followed</source>
        <translation>同期しているカレンダー</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Calendars</source>
        <translation>カレンダー</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>同期</translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation>最終同期</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>No calendars followed yet. Add the secret link of a Google or Outlook calendar, or a CalDAV account (iCloud, Fastmail, Nextcloud…).</source>
        <translation>同期しているカレンダーはまだありません。Google や Outlook のカレンダーの非公開リンク、または CalDAV アカウント（iCloud、Fastmail、Nextcloud など）を追加してください。</translation>
    </message>
    <message>
        <source>Add &amp;link…</source>
        <translation>リンクを追加(&amp;L)…</translation>
    </message>
    <message>
        <source>Paste a calendar&apos;s ICS or webcal:// link</source>
        <translation>カレンダーの ICS または webcal:// のリンクを貼り付けます</translation>
    </message>
    <message>
        <source>Add Cal&amp;DAV account…</source>
        <translation>CalDAV アカウントを追加(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Interval…</source>
        <translation>間隔(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>削除(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>今すぐ同期(&amp;S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>&amp;Calendars</source>
        <translation>カレンダー(&amp;C)</translation>
    </message>
    <message>
        <source>Address &amp;books</source>
        <translation>アドレス帳(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Unlink…</source>
        <translation>連携を解除(&amp;U)…</translation>
    </message>
    <message>
        <source>Could not add the calendar</source>
        <translation>カレンダーを追加できませんでした</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; added: {meetings} ({people})</source>
        <translation>「{name}」を追加しました: {meetings}（{people}）</translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>ミーティング %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new person/people</source>
        <translation>
            <numerusform>未登録の人 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync interval</source>
        <translation>同期の間隔</translation>
    </message>
    <message>
        <source>Sync every (minutes, 5 to 1440):</source>
        <translation>同期の間隔（分、5〜1440）:</translation>
    </message>
    <message>
        <source>Could not change the interval</source>
        <translation>間隔を変更できませんでした</translation>
    </message>
    <message>
        <source>Stop following this calendar</source>
        <translation>このカレンダーとの同期をやめる</translation>
    </message>
    <message>
        <source>Stop following &apos;{name}&apos;?</source>
        <translation>「{name}」との同期をやめますか？</translation>
    </message>
    <message>
        <source>The meetings already imported can stay in Ichigo, or go (those you wrote something on always stay, marked removed from calendar).</source>
        <translation>取り込み済みのミーティングは Ichigo に残すことも、削除することもできます（何か書き込んだミーティングは「カレンダーから削除済み」として必ず残ります）。</translation>
    </message>
    <message>
        <source>Keep the meetings</source>
        <translation>ミーティングを残す</translation>
    </message>
    <message>
        <source>Remove the meetings</source>
        <translation>ミーティングを削除</translation>
    </message>
    <message>
        <source>Could not remove the calendar</source>
        <translation>カレンダーを削除できませんでした</translation>
    </message>
</context>
<context>
    <name>ContactImportDialog</name>
    <message>
        <source>Import contacts</source>
        <translation>連絡先の取り込み</translation>
    </message>
    <message>
        <source>Importing {file}</source>
        <translation>{file} を取り込んでいます</translation>
    </message>
    <message>
        <source>People already in your contacts (the same address, phone or profile) are updated, not duplicated; a shared name alone never joins two people.</source>
        <translation>すでに連絡先にいる人（メールアドレス、電話番号、プロフィールが同じ人）は、重複させずに更新します。名前が同じというだけで二人をまとめることはありません。</translation>
    </message>
    <message>
        <source>Contact import progress</source>
        <translation>連絡先の取り込みの進行状況</translation>
    </message>
    <message>
        <source>Contact import summary</source>
        <translation>連絡先の取り込みの結果</translation>
    </message>
    <message>
        <source>Skipped rows</source>
        <translation>スキップした行</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Why it was skipped</source>
        <translation>スキップした理由</translation>
    </message>
    <message>
        <source>Contacts imported</source>
        <translation>連絡先を取り込みました</translation>
    </message>
    <message>
        <source>Imported contacts from {file}</source>
        <translation>{file} から連絡先を取り込みました</translation>
    </message>
    <message>
        <source>Nothing imported</source>
        <translation>何も取り込まれませんでした</translation>
    </message>
    <message>
        <source>{reason}

Your contacts were not changed.</source>
        <translation>{reason}

連絡先は変更されていません。</translation>
    </message>
</context>
<context>
    <name>ContactImportSummary</name>
    <message>
        <source>the file</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>From {source}: {created} new, {updated} updated, {unchanged} unchanged.</source>
        <translation>{source} から: 新規 {created} 件、更新 {updated} 件、変更なし {unchanged} 件。</translation>
    </message>
    <message numerus="yes">
        <source>Merged %n contact(s) the file showed to be someone you already had.</source>
        <translation>
            <numerusform>ファイルの内容から既存の連絡先と同じ人とわかった %n 件を統合しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n possible duplicate(s): a new contact may be someone you already have (a shared name, say). They were kept apart; review them in Contacts › Duplicates…</source>
        <translation>
            <numerusform>重複の可能性 %n 件: 新しい連絡先が既存の人と同じかもしれません（名前が同じなど）。別々のまま残しました。連絡先 › 重複… で確認してください</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n row(s) (see below).</source>
        <translation>
            <numerusform>%n 行をスキップしました（下記参照）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactPicker</name>
    <message>
        <source>Type to filter…</source>
        <translation>入力して絞り込み…</translation>
    </message>
    <message>
        <source>Filter contacts</source>
        <translation>連絡先を絞り込む</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>連絡先</translation>
    </message>
</context>
<context>
    <name>ContactsInOut</name>
    <message>
        <source>Import &amp;contacts…</source>
        <translation>連絡先を取り込む(&amp;C)…</translation>
    </message>
    <message>
        <source>LinkedIn or Google contacts (CSV), or a vCard file</source>
        <translation>LinkedIn や Google の連絡先（CSV）、または vCard ファイル</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>書き出し(&amp;X)…</translation>
    </message>
    <message>
        <source>Contacts as vCard, or everything as JSON</source>
        <translation>連絡先を vCard で、またはすべてを JSON で書き出します</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>すべてのファイル</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>連絡先の取り込み</translation>
    </message>
    <message>
        <source>vCard, contacts only</source>
        <translation>vCard（連絡先のみ）</translation>
    </message>
    <message>
        <source>JSON, everything</source>
        <translation>JSON（すべて）</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出す</translation>
    </message>
    <message>
        <source>{file} will hold everything in your vault as plain text, readable by anyone who gets the file. Fields you marked private are in it too. Your vault stays encrypted; this copy will not be.

Keep it somewhere safe and delete it when you no longer need it.</source>
        <translation>{file} には保管庫のすべての内容が平文で保存され、ファイルを手にした人は誰でも読めます。非公開にした項目も含まれます。保管庫は暗号化されたままですが、このコピーは暗号化されません。

安全な場所に保管し、不要になったら削除してください。</translation>
    </message>
    <message>
        <source>{file} will hold your contacts as plain text, readable by anyone who gets the file. Fields you marked private are left out. Your vault stays encrypted; this copy will not be.

Keep it somewhere safe and delete it when you no longer need it.</source>
        <translation>{file} には連絡先が平文で保存され、ファイルを手にした人は誰でも読めます。非公開にした項目は含まれません。保管庫は暗号化されたままですが、このコピーは暗号化されません。

安全な場所に保管し、不要になったら削除してください。</translation>
    </message>
    <message>
        <source>Export is not encrypted</source>
        <translation>書き出したファイルは暗号化されません</translation>
    </message>
    <message>
        <source>Could not export</source>
        <translation>書き出せませんでした</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n contact(s) to {path}</source>
        <translation>
            <numerusform>連絡先 %n 件を {path} に書き出しました</numerusform>
        </translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>書き出しが完了しました</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n contact(s) to
{path}

This file is not encrypted.</source>
        <translation>
            <numerusform>連絡先 %n 件を次の場所に書き出しました:
{path}

このファイルは暗号化されていません。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Possible duplicates</source>
        <translation>重複の可能性</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>連絡先</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>&amp;Compare…</source>
        <translation>比較(&amp;C)…</translation>
    </message>
    <message>
        <source>See both side by side and merge them if they are one</source>
        <translation>二人を並べて表示し、同じ人なら統合します</translation>
    </message>
    <message>
        <source>&amp;Not the same person</source>
        <translation>別人です(&amp;N)</translation>
    </message>
    <message>
        <source>Remembered: this pair is never suggested again</source>
        <translation>記録され、この二人は今後候補に出ません</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) of contacts may be the same person. Ichigo never joins two contacts on a guess: compare each pair and merge it, or say they are different people and Ichigo will not ask again.</source>
        <translation>
            <numerusform>同じ人かもしれない連絡先が %n 組あります。Ichigo が推測で連絡先をまとめることはありません。それぞれを比べて統合するか、別人だと伝えてください。別人とした組み合わせは二度と確認しません。</numerusform>
        </translation>
    </message>
    <message>
        <source>No possible duplicates: every contact looks like a different person.</source>
        <translation>重複の可能性はありません。すべての連絡先が別々の人のようです。</translation>
    </message>
    <message>
        <source>remember they are different people</source>
        <translation>別人であることを記録する</translation>
    </message>
    <message>
        <source>Noted: not the same person</source>
        <translation>別人として記録しました</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import calendar</source>
        <translation>カレンダーの取り込み</translation>
    </message>
    <message>
        <source>Each file is saved whole or not at all; cancelling keeps your vault as it was.</source>
        <translation>ファイルはすべて保存されるか、まったく保存されないかのどちらかです。キャンセルしても保管庫は元のままです。</translation>
    </message>
    <message>
        <source>Import progress bar</source>
        <translation>取り込みの進行状況バー</translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation>取り込みの結果</translation>
    </message>
    <message>
        <source>Import problems</source>
        <translation>取り込みの問題</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>予定</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>開始しています…</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>取り込みの進行状況</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>取り込みをキャンセル</translation>
    </message>
    <message>
        <source>Meet the new people…</source>
        <translation>未登録の人を確認…</translation>
    </message>
    <message>
        <source>Triage new people</source>
        <translation>未登録の人を振り分ける</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <source>{step}: {done} of {total}</source>
        <translation>{step}: {done} / {total}</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n event(s)</source>
        <translation>
            <numerusform>予定 %n 件を取り込みました</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>取り込みをキャンセルしました</translation>
    </message>
    <message>
        <source>Nothing from the file being read was saved; your vault is as it was.</source>
        <translation>読み込み中のファイルの内容は保存されていません。保管庫は元のままです。</translation>
    </message>
    <message>
        <source>Calendars finished before you cancelled were kept.</source>
        <translation>キャンセルの前に取り込みが終わったカレンダーは残っています。</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>取り込みに失敗しました</translation>
    </message>
    <message>
        <source>{reason}

Nothing was changed.</source>
        <translation>{reason}

何も変更されていません。</translation>
    </message>
    <message>
        <source>An unexpected error stopped the import ({reason}). Nothing was changed.</source>
        <translation>予期しないエラーで取り込みが止まりました（{reason}）。何も変更されていません。</translation>
    </message>
    <message>
        <source>(whole file)</source>
        <translation>（ファイル全体）</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n problem(s)&lt;/b&gt;: these parts could not be read; everything else was imported.</source>
        <translation>
            <numerusform>&lt;b&gt;問題 %n 件&lt;/b&gt;: 以下の部分は読み込めませんでした。それ以外はすべて取り込みました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Meet %n new person/people…</source>
        <translation>
            <numerusform>未登録の人 %n 人を確認…</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing imported</source>
        <translation>何も取り込まれませんでした</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>取り込みが完了しました</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>New people</source>
        <translation>未登録の人</translation>
    </message>
</context>
<context>
    <name>ImportProgressDialog</name>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>予定 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Read {events} from {invitations} in {messages}.</source>
        <translation>{messages}に含まれる{invitations}から{events}を読み込みました。</translation>
    </message>
    <message numerus="yes">
        <source>%n invitation(s)</source>
        <translation>
            <numerusform>招待状 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n e-mail message(s)</source>
        <translation>
            <numerusform>メール %n 通</numerusform>
        </translation>
    </message>
    <message>
        <source>Read {events} from {files}.</source>
        <translation>{files}から{events}を読み込みました。</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>ファイル %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>{created} new, {updated} updated, {unchanged} unchanged, {cancelled} cancelled.</source>
        <translation>新規 {created} 件、更新 {updated} 件、変更なし {unchanged} 件、キャンセル {cancelled} 件。</translation>
    </message>
    <message numerus="yes">
        <source>%n new person/people to meet.</source>
        <translation>
            <numerusform>未登録の人が %n 人います。</numerusform>
        </translation>
    </message>
    <message>
        <source>Everyone in these meetings is already in your contacts.</source>
        <translation>これらのミーティングの参加者は、全員すでに連絡先にいます。</translation>
    </message>
    <message>
        <source>Importing {file}</source>
        <translation>{file} を取り込んでいます</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n calendar(s)</source>
        <translation>
            <numerusform>カレンダー %n 件を取り込んでいます</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading {where}</source>
        <translation>{where} を読み込んでいます</translation>
    </message>
    <message>
        <source>Saving {where}</source>
        <translation>{where} を保存しています</translation>
    </message>
    <message>
        <source>{file} ({number} of {count})</source>
        <translation>{file}（{number} / {count}）</translation>
    </message>
</context>
<context>
    <name>MeetingMoment</name>
    <message>
        <source>Open prep card</source>
        <translation>準備カードを開く</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>印刷</translation>
    </message>
    <message>
        <source>Reflect now</source>
        <translation>今すぐ振り返る</translation>
    </message>
    <message>
        <source>Open Today</source>
        <translation>今日を開く</translation>
    </message>
    <message>
        <source>Unlock…</source>
        <translation>ロック解除…</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Emails</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>会社</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Pronouns</source>
        <translation>代名詞</translation>
    </message>
    <message>
        <source>Pronunciation</source>
        <translation>読み</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>誕生日</translation>
    </message>
    <message>
        <source>How we met</source>
        <translation>出会ったきっかけ</translation>
    </message>
    <message>
        <source>Met through</source>
        <translation>紹介者</translation>
    </message>
    <message>
        <source>Keep in touch (days)</source>
        <translation>連絡の間隔（日）</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>関心ごと</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>リンク</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Merge contacts</source>
        <translation>連絡先の統合</translation>
    </message>
    <message>
        <source>Are these the same person? Choose which contact to keep. It receives every address, phone, detail, encounter, reflection and promise of the other, and its empty fields are filled from it; where both say something different, the kept one&apos;s stays and the other&apos;s becomes a personal detail, so nothing is lost. The other contact is then removed. Ichigo backs up your vault first.</source>
        <translation>この二人は同じ人ですか？残す連絡先を選んでください。残す連絡先は、もう一方のメールアドレス、電話番号、詳細、ミーティング、振り返り、約束をすべて受け継ぎ、空欄はもう一方の内容で埋められます。内容が食い違う項目は残す側の内容を保ち、もう一方の内容は個人の詳細として残すので、何も失われません。その後、もう一方の連絡先は削除されます。統合の前に保管庫をバックアップします。</translation>
    </message>
    <message>
        <source>Keep {name}</source>
        <translation>{name} を残す</translation>
    </message>
    <message>
        <source>Encounters</source>
        <translation>ミーティング</translation>
    </message>
    <message>
        <source>Reflections</source>
        <translation>振り返り</translation>
    </message>
    <message>
        <source>Promises</source>
        <translation>約束</translation>
    </message>
    <message>
        <source>{field} of contact {number}</source>
        <translation>連絡先 {number} の{field}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>&amp;Not the same person</source>
        <translation>別人です(&amp;N)</translation>
    </message>
    <message>
        <source>Remembered: this pair is never suggested again</source>
        <translation>記録され、この二人は今後候補に出ません</translation>
    </message>
    <message>
        <source>remember they are different people</source>
        <translation>別人であることを記録する</translation>
    </message>
    <message>
        <source>Noted: not the same person</source>
        <translation>別人として記録しました</translation>
    </message>
    <message>
        <source>Merge into {name}</source>
        <translation>{name} に統合</translation>
    </message>
    <message>
        <source>Merge {other} into {keep}?

Everything of {other} moves to {keep}; {other} is then removed. A backup of your vault is made first, and Edit › Undo merge takes it back until you change the kept contact.</source>
        <translation>{other} を {keep} に統合しますか？

{other} の情報はすべて {keep} に移り、{other} は削除されます。先に保管庫のバックアップを作成します。残した連絡先を変更するまでは、編集 › 統合を取り消す で元に戻せます。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>統合</translation>
    </message>
    <message>
        <source>Could not back up before merging</source>
        <translation>統合の前にバックアップできませんでした</translation>
    </message>
    <message>
        <source>{reason}

Nothing was merged.</source>
        <translation>{reason}

何も統合されていません。</translation>
    </message>
    <message>
        <source>merge the contacts</source>
        <translation>連絡先を統合する</translation>
    </message>
    <message>
        <source>Merged {other} into {keep} (Edit › Undo merge takes it back)</source>
        <translation>{other} を {keep} に統合しました（編集 › 統合を取り消す で元に戻せます）</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Create your Ichigo vault</source>
        <translation>Ichigo の保管庫を作成</translation>
    </message>
    <message>
        <source>Unlock Ichigo</source>
        <translation>Ichigo のロック解除</translation>
    </message>
    <message>
        <source>No system keychain is available, so your vault will be protected by a passphrase. Choose one you will remember.</source>
        <translation>システムのキーチェーンが使えないため、保管庫はパスフレーズで保護します。忘れないパスフレーズを決めてください。</translation>
    </message>
    <message>
        <source>Enter the passphrase for {vault}.</source>
        <translation>{vault} のパスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>パスフレーズ(&amp;P):</translation>
    </message>
    <message>
        <source>Confirm passphrase</source>
        <translation>パスフレーズの確認</translation>
    </message>
    <message>
        <source>&amp;Confirm:</source>
        <translation>確認(&amp;C):</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>パスフレーズの強度</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>強度:</translation>
    </message>
    <message>
        <source>Use this weak passphrase anyway</source>
        <translation>弱いパスフレーズですが、このまま使う</translation>
    </message>
    <message>
        <source>&lt;b&gt;A lost passphrase cannot be recovered.&lt;/b&gt; Nobody, including Ichigo&apos;s authors, can open the vault without it. Write it down somewhere safe.</source>
        <translation>&lt;b&gt;パスフレーズを忘れると復元できません。&lt;/b&gt;Ichigo の開発者を含め、誰もパスフレーズなしで保管庫を開けません。安全な場所に書き留めておいてください。</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Create vault</source>
        <translation>保管庫を作成</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <source>{rating}: guessed in {time}</source>
        <translation>{rating}（推測されるまで {time}）</translation>
    </message>
    <message>
        <source>Please enter a passphrase.</source>
        <translation>パスフレーズを入力してください。</translation>
    </message>
    <message numerus="yes">
        <source>Use at least %n character(s).</source>
        <translation>
            <numerusform>%n 文字以上にしてください。</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation>2 つのパスフレーズが一致しません。</translation>
    </message>
    <message>
        <source>This passphrase is {advice}</source>
        <translation>このパスフレーズの評価: {advice}</translation>
    </message>
</context>
<context>
    <name>PdfOutput</name>
    <message>
        <source>Writing {file}…</source>
        <translation>{file} を書き出しています…</translation>
    </message>
    <message>
        <source>Writing card {done} of {total}…</source>
        <translation>カードを書き出しています（{done} / {total}）…</translation>
    </message>
    <message>
        <source>Could not save the PDF</source>
        <translation>PDF を保存できませんでした</translation>
    </message>
</context>
<context>
    <name>PrepCardDialog</name>
    <message>
        <source>Prep card · {title}</source>
        <translation>準備カード · {title}</translation>
    </message>
    <message>
        <source>Prep card</source>
        <translation>準備カード</translation>
    </message>
</context>
<context>
    <name>PrepCards</name>
    <message>
        <source>&amp;Print prep cards…</source>
        <translation>準備カードを印刷(&amp;P)…</translation>
    </message>
    <message>
        <source>One prep card per meeting of tomorrow or a chosen day</source>
        <translation>明日または指定した日のミーティングごとに準備カードを 1 枚ずつ</translation>
    </message>
    <message>
        <source>Print the &amp;day…</source>
        <translation>1 日分を印刷(&amp;D)…</translation>
    </message>
    <message>
        <source>Every meeting of a day on one A4 or Letter page, a line for each person</source>
        <translation>1 日のミーティングをすべて A4 またはレターの 1 ページに、1 人 1 行で</translation>
    </message>
</context>
<context>
    <name>PrintDayDialog</name>
    <message>
        <source>Print prep cards</source>
        <translation>準備カードの印刷</translation>
    </message>
    <message>
        <source>&amp;Tomorrow, {day}</source>
        <translation>明日、{day}(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Another day:</source>
        <translation>別の日(&amp;A):</translation>
    </message>
    <message>
        <source>Day to print</source>
        <translation>印刷する日</translation>
    </message>
    <message>
        <source>A &amp;card for each meeting</source>
        <translation>ミーティングごとにカード 1 枚(&amp;C)</translation>
    </message>
    <message>
        <source>The whole day on one s&amp;heet</source>
        <translation>1 日分を 1 枚に(&amp;H)</translation>
    </message>
    <message>
        <source>Every meeting of the day in order on one A4 or Letter page, with one line for each person</source>
        <translation>その日のミーティングをすべて時刻順に A4 またはレターの 1 ページに、1 人 1 行で</translation>
    </message>
    <message>
        <source>Meetings that day</source>
        <translation>その日のミーティング</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>日付:</translation>
    </message>
    <message>
        <source>Print:</source>
        <translation>印刷:</translation>
    </message>
    <message>
        <source>Card &amp;size:</source>
        <translation>カードのサイズ(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>用紙(&amp;P):</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDF として保存…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Print the day</source>
        <translation>1 日分の印刷</translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s) on {day}, in order on one page, with a line for each person.</source>
        <translation>
            <numerusform>{day}のミーティング %n 件を、時刻順に 1 ページに、1 人 1 行で印刷します。</numerusform>
        </translation>
    </message>
    <message>
        <source>One meeting on {day}: one card.</source>
        <translation>{day}のミーティング 1 件: カードは 1 枚です。</translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s) on {day}: one card each, in one document.</source>
        <translation>
            <numerusform>{day}のミーティング %n 件: 1 件ずつカードにして、1 つの文書にまとめます。</numerusform>
        </translation>
    </message>
    <message>
        <source>No meetings on {day}, so there is nothing to print (cancelled meetings get no card).</source>
        <translation>{day}にミーティングはないため、印刷するものはありません（キャンセルされたミーティングのカードは作りません）。</translation>
    </message>
    <message>
        <source>Day sheet {day}.pdf</source>
        <translation>1日分 {day}.pdf</translation>
    </message>
    <message>
        <source>Save the day sheet as PDF</source>
        <translation>1 日分の表を PDF として保存</translation>
    </message>
    <message>
        <source>Prep cards {day}.pdf</source>
        <translation>準備カード {day}.pdf</translation>
    </message>
    <message>
        <source>Save the prep cards as PDF</source>
        <translation>準備カードを PDF として保存</translation>
    </message>
    <message>
        <source>No meetings left to print that day.</source>
        <translation>その日に印刷するミーティングはもうありません。</translation>
    </message>
    <message>
        <source>Saved the day sheet to {path}</source>
        <translation>1 日分の表を {path} に保存しました</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n card(s) to {path}</source>
        <translation>
            <numerusform>カード %n 枚を {path} に保存しました</numerusform>
        </translation>
    </message>
    <message>
        <source>Sent the day sheet to the printer.</source>
        <translation>1 日分の表をプリンターに送りました。</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n card(s) to the printer.</source>
        <translation>
            <numerusform>カード %n 枚をプリンターに送りました。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReflectionEditor</name>
    <message>
        <source>Reflect: {title}</source>
        <translation>振り返り: {title}</translation>
    </message>
    <message>
        <source>About them, their world, what matters to them</source>
        <translation>相手のこと、相手の世界、相手が大切にしていること</translation>
    </message>
    <message>
        <source>What I learned</source>
        <translation>学んだこと</translation>
    </message>
    <message>
        <source>What I &amp;learned:</source>
        <translation>学んだこと(&amp;L):</translation>
    </message>
    <message>
        <source>What went well in how I showed up</source>
        <translation>自分の振る舞いでうまくいったこと</translation>
    </message>
    <message>
        <source>What went well</source>
        <translation>うまくいったこと</translation>
    </message>
    <message>
        <source>What went &amp;well:</source>
        <translation>うまくいったこと(&amp;W):</translation>
    </message>
    <message>
        <source>One thing to do better next time</source>
        <translation>次はもっとうまくやりたいこと</translation>
    </message>
    <message>
        <source>What to do better</source>
        <translation>改善したいこと</translation>
    </message>
    <message>
        <source>What to do &amp;better:</source>
        <translation>改善したいこと(&amp;B):</translation>
    </message>
    <message>
        <source>What am I thankful for?</source>
        <translation>何に感謝していますか？</translation>
    </message>
    <message>
        <source>Gratitude</source>
        <translation>感謝</translation>
    </message>
    <message>
        <source>&amp;Gratitude:</source>
        <translation>感謝(&amp;G):</translation>
    </message>
    <message>
        <source>I have said thank you</source>
        <translation>お礼を伝えた</translation>
    </message>
    <message>
        <source>Thanks sent</source>
        <translation>お礼済み</translation>
    </message>
    <message>
        <source>Write &amp;thanks…</source>
        <translation>お礼を書く(&amp;T)…</translation>
    </message>
    <message>
        <source>Write thanks from the gratitude line</source>
        <translation>感謝の欄からお礼を書く</translation>
    </message>
    <message>
        <source>Draft a thank-you to the people of this meeting from what you are grateful for</source>
        <translation>感謝していることから、このミーティングの参加者へのお礼の下書きを作ります</translation>
    </message>
    <message>
        <source>What to remember or ask next time</source>
        <translation>次回覚えておくこと、尋ねること</translation>
    </message>
    <message>
        <source>Notes for next time</source>
        <translation>次回へのメモ</translation>
    </message>
    <message>
        <source>&amp;Next time:</source>
        <translation>次回に向けて(&amp;N):</translation>
    </message>
    <message>
        <source>Promises</source>
        <translation>約束</translation>
    </message>
    <message>
        <source>Promises of this encounter</source>
        <translation>このミーティングでの約束</translation>
    </message>
    <message>
        <source>I promised: {text} (done)</source>
        <translation>自分の約束: {text}（完了）</translation>
    </message>
    <message>
        <source>They promised: {text} (done)</source>
        <translation>相手の約束: {text}（完了）</translation>
    </message>
    <message>
        <source>I promised: {text}</source>
        <translation>自分の約束: {text}</translation>
    </message>
    <message>
        <source>They promised: {text}</source>
        <translation>相手の約束: {text}</translation>
    </message>
    <message>
        <source>Who promised</source>
        <translation>約束した人</translation>
    </message>
    <message>
        <source>I promise</source>
        <translation>自分の約束</translation>
    </message>
    <message>
        <source>They promise</source>
        <translation>相手の約束</translation>
    </message>
    <message>
        <source>Promise with</source>
        <translation>約束の相手</translation>
    </message>
    <message>
        <source>What was promised</source>
        <translation>約束した内容</translation>
    </message>
    <message>
        <source>Promise text</source>
        <translation>約束の内容</translation>
    </message>
    <message>
        <source>Promise due date</source>
        <translation>約束の期日</translation>
    </message>
    <message>
        <source>no due date</source>
        <translation>期日なし</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <source>Add promise</source>
        <translation>約束を追加</translation>
    </message>
    <message>
        <source>Save reflection</source>
        <translation>振り返りを保存</translation>
    </message>
    <message>
        <source>I promise: {text} (new)</source>
        <translation>自分の約束: {text}（新規）</translation>
    </message>
    <message>
        <source>They promise: {text} (new)</source>
        <translation>相手の約束: {text}（新規）</translation>
    </message>
    <message>
        <source>save the reflection</source>
        <translation>振り返りを保存する</translation>
    </message>
    <message>
        <source>Reflection saved</source>
        <translation>振り返りを保存しました</translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message>
        <source>Calendar link</source>
        <translation>カレンダーのリンク</translation>
    </message>
    <message>
        <source>CalDAV account</source>
        <translation>CalDAV アカウント</translation>
    </message>
    <message>
        <source>every hour</source>
        <translation>1 時間ごと</translation>
    </message>
    <message numerus="yes">
        <source>every %n hour(s)</source>
        <translation>
            <numerusform>%n 時間ごと</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n min</source>
        <translation>
            <numerusform>%n 分ごと</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>未同期</translation>
    </message>
    <message numerus="yes">
        <source>%n new meeting(s)</source>
        <translation>
            <numerusform>新しいミーティング %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>更新 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>キャンセル %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n removed</source>
        <translation>
            <numerusform>削除 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>No changes</source>
        <translation>変更なし</translation>
    </message>
</context>
<context>
    <name>ThanksDialog</name>
    <message>
        <source>Follow up</source>
        <translation>フォローアップ</translation>
    </message>
    <message>
        <source>Write thanks</source>
        <translation>お礼を書く</translation>
    </message>
    <message>
        <source>Write to</source>
        <translation>相手</translation>
    </message>
    <message>
        <source>&amp;Write to:</source>
        <translation>相手(&amp;W):</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>受信者</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>宛先:</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>件名(&amp;S):</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>本文</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>本文(&amp;M):</translation>
    </message>
    <message>
        <source>Draft status</source>
        <translation>下書きの状態</translation>
    </message>
    <message>
        <source>&amp;Open in mail program</source>
        <translation>メールソフトで開く(&amp;O)</translation>
    </message>
    <message>
        <source>Open the draft in the mail program</source>
        <translation>下書きをメールソフトで開く</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the draft</source>
        <translation>下書きをコピー</translation>
    </message>
    <message>
        <source>&amp;Mark promise done</source>
        <translation>約束を完了にする(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Mark thanks sent</source>
        <translation>お礼済みにする(&amp;M)</translation>
    </message>
    <message>
        <source>Mark the promise done</source>
        <translation>約束を完了にする</translation>
    </message>
    <message>
        <source>Mark the thanks sent</source>
        <translation>お礼済みにする</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Everyone at this meeting</source>
        <translation>このミーティングの参加者全員</translation>
    </message>
    <message>
        <source>{name} (thanked)</source>
        <translation>{name}（お礼済み）</translation>
    </message>
    <message>
        <source>Follow up on a promise you made</source>
        <translation>自分がした約束のフォローアップ</translation>
    </message>
    <message>
        <source>Thank you, drafted from what you were grateful for</source>
        <translation>感謝していることから作ったお礼の下書き</translation>
    </message>
    <message>
        <source>Nothing to draft yet</source>
        <translation>まだ下書きにするものがありません</translation>
    </message>
    <message>
        <source>No e-mail address known for {names}.</source>
        <translation>{names} のメールアドレスがわかりません。</translation>
    </message>
    <message>
        <source>No mail program opened the draft: copy it into a new message instead.</source>
        <translation>下書きを開けるメールソフトがありませんでした。新しいメッセージにコピーしてください。</translation>
    </message>
    <message>
        <source>Opened in your mail program. Mark it sent once it has gone.</source>
        <translation>メールソフトで開きました。送信したら「お礼済み」にしてください。</translation>
    </message>
    <message>
        <source>To: {to}
Subject: {subject}

{body}</source>
        <translation>宛先: {to}
件名: {subject}

{body}</translation>
    </message>
    <message>
        <source>Copied. Paste it into a new message.</source>
        <translation>コピーしました。新しいメッセージに貼り付けてください。</translation>
    </message>
    <message>
        <source>mark the thanks sent</source>
        <translation>お礼済みにする</translation>
    </message>
    <message>
        <source>Thanks marked as sent</source>
        <translation>お礼済みにしました</translation>
    </message>
    <message>
        <source>Thanks to {name} marked as sent.</source>
        <translation>{name} へのお礼を送信済みにしました。</translation>
    </message>
    <message>
        <source>Thanks to everyone marked as sent.</source>
        <translation>全員へのお礼を送信済みにしました。</translation>
    </message>
    <message>
        <source>mark the promise done</source>
        <translation>約束を完了にする</translation>
    </message>
    <message>
        <source>Promise marked done</source>
        <translation>約束を完了にしました</translation>
    </message>
    <message>
        <source>Promise marked done.</source>
        <translation>約束を完了にしました。</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Ichigo is still running</source>
        <translation>Ichigo は引き続き動作しています</translation>
    </message>
    <message>
        <source>It will remind you before and after your meetings. Quit from this icon&apos;s menu; turn this off there too.</source>
        <translation>ミーティングの前後にお知らせします。終了やこの設定の変更は、このアイコンのメニューから行えます。</translation>
    </message>
    <message>
        <source>Ichigo is locked</source>
        <translation>Ichigo はロックされています</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>ロック解除(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Quit Ichigo</source>
        <translation>Ichigo を終了(&amp;Q)</translation>
    </message>
    <message>
        <source>{weekday} {time}</source>
        <translation>({weekday}) {time}</translation>
    </message>
    <message>
        <source>Open &amp;prep card</source>
        <translation>準備カードを開く(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;rint prep card…</source>
        <translation>準備カードを印刷(&amp;R)…</translation>
    </message>
    <message numerus="yes">
        <source>No meetings in the next %n day(s)</source>
        <translation>
            <numerusform>今後 %n 日間にミーティングはありません</numerusform>
        </translation>
    </message>
    <message>
        <source>Reflect on “{title}”…</source>
        <translation>「{title}」を振り返る…</translation>
    </message>
    <message>
        <source>&amp;Show Ichigo</source>
        <translation>Ichigo を表示(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>今すぐ同期(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>ロック(&amp;L)</translation>
    </message>
    <message>
        <source>Reminder &amp;settings</source>
        <translation>リマインダーの設定(&amp;S)</translation>
    </message>
    <message numerus="yes">
        <source>Remind me %n minute(s) before</source>
        <translation>
            <numerusform>%n 分前に知らせる</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Discreet notifications (no names)</source>
        <translation>控えめな通知（名前を表示しない）(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Keep running when the window is closed</source>
        <translation>ウィンドウを閉じても動作を続ける(&amp;K)</translation>
    </message>
    <message>
        <source>Start Ichigo when I &amp;log in</source>
        <translation>ログイン時に Ichigo を起動(&amp;L)</translation>
    </message>
</context>
<context>
    <name>TriageDialog</name>
    <message>
        <source>New people</source>
        <translation>未登録の人</translation>
    </message>
</context>
<context>
    <name>VaultCopies</name>
    <message>
        <source>&amp;Back up now…</source>
        <translation>今すぐバックアップ(&amp;B)…</translation>
    </message>
    <message>
        <source>An encrypted copy of your vault</source>
        <translation>保管庫の暗号化されたコピー</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>復元(&amp;R)…</translation>
    </message>
    <message>
        <source>Make a new vault from a backup</source>
        <translation>バックアップから新しい保管庫を作ります</translation>
    </message>
    <message>
        <source>Ichigo vault</source>
        <translation>Ichigo の保管庫</translation>
    </message>
    <message>
        <source>All files</source>
        <translation>すべてのファイル</translation>
    </message>
    <message>
        <source>Back up vault</source>
        <translation>保管庫のバックアップ</translation>
    </message>
    <message>
        <source>That is the vault itself; choose another file for the backup.</source>
        <translation>それは保管庫そのものです。バックアップには別のファイルを選んでください。</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>バックアップに失敗しました</translation>
    </message>
    <message>
        <source>It opens with the same key, kept in this computer&apos;s keychain: to restore it elsewhere, that keychain entry must come along.</source>
        <translation>このコンピューターのキーチェーンにある同じ鍵で開きます。別の場所で復元するには、そのキーチェーンの項目も必要です。</translation>
    </message>
    <message>
        <source>It opens with the same passphrase as your vault.</source>
        <translation>保管庫と同じパスフレーズで開きます。</translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation>{path} にバックアップしました</translation>
    </message>
    <message>
        <source>Backup saved</source>
        <translation>バックアップを保存しました</translation>
    </message>
    <message>
        <source>An encrypted copy of your vault is at
{path}

{key}</source>
        <translation>保管庫の暗号化されたコピーを次の場所に保存しました:
{path}

{key}</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>バックアップから復元</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>バックアップの復元</translation>
    </message>
    <message>
        <source>Ichigo will make a new vault from {backup}. Your current vault ({vault}) is not touched, and neither is the backup.

Next, choose where to put the new vault.</source>
        <translation>{backup} から新しい保管庫を作ります。現在の保管庫（{vault}）もバックアップも変更しません。

次に、新しい保管庫の保存先を選んでください。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <source>Save the restored vault as</source>
        <translation>復元した保管庫の保存先</translation>
    </message>
    <message>
        <source>Restore into a new file, not over the vault or the backup.</source>
        <translation>保管庫やバックアップに上書きせず、新しいファイルに復元してください。</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>復元に失敗しました</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>バックアップを復元しました</translation>
    </message>
    <message>
        <source>The backup is now a new vault at
{path}

Your current vault was not changed. Open the restored vault in a new window?</source>
        <translation>バックアップを次の場所に新しい保管庫として復元しました:
{path}

現在の保管庫は変更していません。復元した保管庫を新しいウィンドウで開きますか？</translation>
    </message>
    <message>
        <source>Open it</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Restored to {path}</source>
        <translation>{path} に復元しました</translation>
    </message>
</context>
<context>
    <name>ask</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>card_output</name>
    <message>
        <source>A6</source>
        <translation>A6</translation>
    </message>
    <message>
        <source>A5</source>
        <translation>A5</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>US レター</translation>
    </message>
    <message>
        <source>4×6 in index card</source>
        <translation>4×6 インチのインデックスカード</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文書 (*.pdf)</translation>
    </message>
    <message>
        <source>Card size</source>
        <translation>カードのサイズ</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>用紙</translation>
    </message>
    <message>
        <source>Ichigo prep cards</source>
        <translation>Ichigo 準備カード</translation>
    </message>
    <message>
        <source>Printing prep cards…</source>
        <translation>準備カードを印刷しています…</translation>
    </message>
</context>
<context>
    <name>changes</name>
    <message>
        <source>Could not {what}</source>
        <translation>{what}ことができませんでした</translation>
    </message>
</context>
<context>
    <name>damaged</name>
    <message>
        <source>Restore from backup…</source>
        <translation>バックアップから復元…</translation>
    </message>
    <message>
        <source>The vault is damaged</source>
        <translation>保管庫が破損しています</translation>
    </message>
    <message>
        <source>{file} is damaged and cannot be opened. It was left untouched.</source>
        <translation>{file} は破損していて開けません。ファイルには手を加えていません。</translation>
    </message>
    <message>
        <source>The newest good automatic backup is from {when} ({backup}). Restore it into a new file, {target}, beside the damaged one, and open that?</source>
        <translation>最新の正常な自動バックアップは {when} のもの（{backup}）です。破損したファイルの隣に新しいファイル {target} として復元し、それを開きますか？</translation>
    </message>
    <message>
        <source>Cannot restore the backup</source>
        <translation>バックアップを復元できません</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>バックアップを復元しました</translation>
    </message>
    <message>
        <source>Restored into {target}. The damaged file is still at {path}; keep it until you are sure nothing is missing. Ichigo opens the restored vault from now on.</source>
        <translation>{target} に復元しました。破損したファイルは {path} に残っています。失われたものがないと確認できるまで保管してください。今後は復元した保管庫を開きます。</translation>
    </message>
</context>
</TS>
