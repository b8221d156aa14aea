<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n日前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s) ago</source>
        <translation>
            <numerusform>%nか月前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s) ago</source>
        <translation>
            <numerusform>%n年前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>overdue by %n day(s)</source>
        <translation>
            <numerusform>%n日超過</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>due in %n day(s)</source>
        <translation>
            <numerusform>%n日後が期限</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>新規 %n人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n+ found · scroll for more</source>
        <translation>
            <numerusform>%n件以上 · スクロールで続きを表示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>newest %n loaded</source>
        <translation>
            <numerusform>新しい%n件を表示中</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s)</source>
        <translation>
            <numerusform>%n人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n encounter(s)</source>
        <translation>
            <numerusform>ミーティング %n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shown</source>
        <translation>
            <numerusform>%n件を表示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>期限切れ %n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reflection(s)</source>
        <translation>
            <numerusform>振り返り %n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new person(s) to triage</source>
        <translation>
            <numerusform>未登録の人 %n人(クリックして確認)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more meeting(s) this week…</source>
        <translation>
            <numerusform>今週のミーティングをあと%n件…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show all %n meeting(s) this week</source>
        <translation>
            <numerusform>今週のミーティング%n件をすべて表示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more past meeting(s)…</source>
        <translation>
            <numerusform>過去のミーティングをあと%n件…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show all %n past meeting(s)</source>
        <translation>
            <numerusform>過去のミーティング%n件をすべて表示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more promise(s)…</source>
        <translation>
            <numerusform>約束をあと%n件…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show all %n promise(s)</source>
        <translation>
            <numerusform>約束%n件をすべて表示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more thanks to send…</source>
        <translation>
            <numerusform>お礼をあと%n件…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show all %n thanks to send</source>
        <translation>
            <numerusform>送るお礼%n件をすべて表示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last met {ago} · you hoped every %n day(s)</source>
        <translation>
            <numerusform>最後に会ったのは{ago} · 目安は%n日ごと</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more person(s)…</source>
        <translation>
            <numerusform>あと%n人…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Show all %n person(s)</source>
        <translation>
            <numerusform>%n人をすべて表示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) of contacts may be the same person. Ichigo never joins them without your word.</source>
        <translation>
            <numerusform>同一人物かもしれない連絡先が%n組あります。あなたの確認なしに統合することはありません。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new person(s) to meet: click a “new” badge to triage.</source>
        <translation>
            <numerusform>まだ連絡先にない人が%n人います。「新規」バッジをクリックして確認してください。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n meeting(s)</source>
        <translation>
            <numerusform>ミーティング %n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new person(s) in this meeting</source>
        <translation>
            <numerusform>このミーティングの未登録の人: %n人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new person(s)</source>
        <translation>
            <numerusform>未登録の人: %n人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>ほか%n件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <source>Pronunciation</source>
        <translation>読み</translation>
    </message>
    <message>
        <source>Pronouns</source>
        <translation>代名詞</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>Emails</source>
        <translation>メールアドレス</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>電話番号</translation>
    </message>
    <message>
        <source>How we met</source>
        <translation>出会ったきっかけ</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>誕生日</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>関心ごと</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>How you call them</source>
        <translation>呼び名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Name order</source>
        <translation>名前の順序</translation>
    </message>
    <message>
        <source>Automatic (from the script)</source>
        <translation>自動(文字から判断)</translation>
    </message>
    <message>
        <source>Given name first</source>
        <translation>名が先</translation>
    </message>
    <message>
        <source>Family name first</source>
        <translation>姓が先</translation>
    </message>
    <message>
        <source>How the full name is shown, from the given and family names</source>
        <translation>姓と名からフルネームをどう表示するか</translation>
    </message>
    <message>
        <source>Name or&amp;der:</source>
        <translation>名前の順序(&amp;D):</translation>
    </message>
    <message>
        <source>How to say the name (a reading, say)</source>
        <translation>名前の読み方(よみがななど)</translation>
    </message>
    <message>
        <source>Pron&amp;unciation:</source>
        <translation>読み(&amp;U):</translation>
    </message>
    <message>
        <source>she/her, he/him, they/them…</source>
        <translation>she/her、he/him、they/them など</translation>
    </message>
    <message>
        <source>Pron&amp;ouns:</source>
        <translation>代名詞(&amp;O):</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>会社</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>会社(&amp;C):</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>役職</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>役職(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>場所(&amp;L):</translation>
    </message>
    <message>
        <source>one address per line</source>
        <translation>1行に1件</translation>
    </message>
    <message>
        <source>&amp;Emails:</source>
        <translation>メール(&amp;E):</translation>
    </message>
    <message>
        <source>one number per line</source>
        <translation>1行に1件</translation>
    </message>
    <message>
        <source>&amp;Phones:</source>
        <translation>電話(&amp;P):</translation>
    </message>
    <message>
        <source>LinkedIn, website… one per line</source>
        <translation>LinkedIn、ウェブサイトなど(1行に1件)</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>リンク</translation>
    </message>
    <message>
        <source>Lin&amp;ks:</source>
        <translation>リンク(&amp;K):</translation>
    </message>
    <message>
        <source>Where and how you first met</source>
        <translation>初めて会った場所ときっかけ</translation>
    </message>
    <message>
        <source>&amp;How we met:</source>
        <translation>きっかけ(&amp;H):</translation>
    </message>
    <message>
        <source>Met on</source>
        <translation>出会った日</translation>
    </message>
    <message>
        <source>Met through</source>
        <translation>紹介者</translation>
    </message>
    <message>
        <source>Met &amp;on:</source>
        <translation>出会った日(&amp;O):</translation>
    </message>
    <message>
        <source>Who introduced you</source>
        <translation>紹介してくれた人</translation>
    </message>
    <message>
        <source>Year not known</source>
        <translation>年は不明</translation>
    </message>
    <message>
        <source>Birthday year not known</source>
        <translation>誕生年は不明</translation>
    </message>
    <message>
        <source>&amp;Birthday:</source>
        <translation>誕生日(&amp;B):</translation>
    </message>
    <message>
        <source>What they care about, comma-separated</source>
        <translation>大切にしていること(カンマ区切り)</translation>
    </message>
    <message>
        <source>&amp;Interests:</source>
        <translation>関心ごと(&amp;I):</translation>
    </message>
    <message>
        <source>Personal details</source>
        <translation>個人的な情報</translation>
    </message>
    <message>
        <source>About</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>非公開</translation>
    </message>
    <message>
        <source>Add detail</source>
        <translation>情報を追加</translation>
    </message>
    <message>
        <source>Add personal detail</source>
        <translation>個人的な情報を追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Remove personal detail</source>
        <translation>個人的な情報を削除</translation>
    </message>
    <message>
        <source>Personal
details:</source>
        <translation>個人的な
情報:</translation>
    </message>
    <message>
        <source>Anything else worth remembering</source>
        <translation>ほかに覚えておきたいこと</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>メモ(&amp;O):</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>カンマ区切り</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>タグ(&amp;A):</translation>
    </message>
    <message>
        <source>Keep in touch every N days</source>
        <translation>連絡の目安(日数)</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 日ごと</translation>
    </message>
    <message>
        <source>Keep in &amp;touch every:</source>
        <translation>連絡の目安(&amp;T):</translation>
    </message>
    <message>
        <source>{field} is private</source>
        <translation>{field}を非公開にする</translation>
    </message>
    <message>
        <source>Shown here, never printed</source>
        <translation>ここには表示されますが、印刷はされません</translation>
    </message>
    <message>
        <source>introduced by…</source>
        <translation>紹介者…</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <source>Name</source>
        <translation>名前</translation>
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
        <source>Email</source>
        <translation>メール</translation>
    </message>
    <message>
        <source>Last met</source>
        <translation>最後に会った日</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>タグ</translation>
    </message>
</context>
<context>
    <name>ContactsView</name>
    <message>
        <source>Past keep-in-touch</source>
        <translation>ご無沙汰している人のみ</translation>
    </message>
    <message>
        <source>Only people not met within their keep-in-touch cadence</source>
        <translation>連絡の目安を過ぎても会っていない人だけ</translation>
    </message>
    <message>
        <source>People you hoped to see more often than you have</source>
        <translation>もっと会いたいと思っていた人</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新規</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>新しい連絡先</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>Delete contact</source>
        <translation>連絡先を削除</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>統合…</translation>
    </message>
    <message>
        <source>Merge with another contact</source>
        <translation>ほかの連絡先と統合</translation>
    </message>
    <message>
        <source>Duplicates…</source>
        <translation>重複…</translation>
    </message>
    <message>
        <source>Review possible duplicates</source>
        <translation>重複の候補を確認</translation>
    </message>
    <message>
        <source>Contacts that may be the same person</source>
        <translation>同一人物かもしれない連絡先</translation>
    </message>
    <message>
        <source>Contacts list</source>
        <translation>連絡先の一覧</translation>
    </message>
    <message>
        <source>Filter contacts…</source>
        <translation>連絡先を絞り込む…</translation>
    </message>
    <message>
        <source>Filter contacts</source>
        <translation>連絡先を絞り込む</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>写真</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>これまでの記録</translation>
    </message>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>詳細(&amp;D)</translation>
    </message>
    <message>
        <source>T&amp;imeline</source>
        <translation>これまでの記録(&amp;I)</translation>
    </message>
    <message>
        <source>Save contact</source>
        <translation>連絡先を保存</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>変更を破棄</translation>
    </message>
    <message>
        <source>Select a contact, or press Ctrl+N to add one.</source>
        <translation>連絡先を選ぶか、Ctrl+N で追加してください。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>保存されていない変更</translation>
    </message>
    <message>
        <source>Discard the changes to this contact?</source>
        <translation>この連絡先への変更を破棄しますか?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>T&amp;imeline ({count})</source>
        <translation>これまでの記録(&amp;I) ({count})</translation>
    </message>
    <message>
        <source>Born {date}</source>
        <translation>誕生日 {date}</translation>
    </message>
    <message>
        <source>{born} ({soon})</source>
        <translation>{born}({soon})</translation>
    </message>
    <message>
        <source>Only a name is needed; add the rest when you know it.</source>
        <translation>必要なのは名前だけです。ほかの情報はわかったときに追加してください。</translation>
    </message>
    <message>
        <source>save the contact</source>
        <translation>連絡先を保存する</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>{name}を保存しました</translation>
    </message>
    <message>
        <source>Changes discarded</source>
        <translation>変更を破棄しました</translation>
    </message>
    <message>
        <source>this contact</source>
        <translation>この連絡先</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>&apos;{book}&apos;</source>
        <translation>「{book}」</translation>
    </message>
    <message>
        <source>Their card in the address book {books} is deleted too at the next sync.</source>
        <translation>アドレス帳{books}にあるこの人のカードも、次回の同期で削除されます。</translation>
    </message>
    <message>
        <source>Delete {name}?

Their encounters, reflections and promises stay; the meetings keep their name as an attendee.</source>
        <translation>{name}を削除しますか?

ミーティング、振り返り、約束は残り、ミーティングには参加者として名前が残ります。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>delete the contact</source>
        <translation>連絡先を削除する</translation>
    </message>
    <message>
        <source>Deleted {name}</source>
        <translation>{name}を削除しました</translation>
    </message>
    <message>
        <source>Merge contacts</source>
        <translation>連絡先を統合</translation>
    </message>
    <message>
        <source>Merge which contact into {name}?</source>
        <translation>{name}にどの連絡先を統合しますか?</translation>
    </message>
</context>
<context>
    <name>EncounterForm</name>
    <message>
        <source>If this were the only time we met, what must I hear, and what must I share?</source>
        <translation>一期一会。これが最初で最後の機会なら、何を聞き、何を伝えるべきでしょうか?</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>declined</source>
        <translation>欠席</translation>
    </message>
    <message>
        <source>maybe</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>Encounter title</source>
        <translation>ミーティングの件名</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>件名(&amp;T):</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状態:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>種類(&amp;K):</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>to</source>
        <translation>〜</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>日時(&amp;W):</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>場所</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>場所(&amp;L):</translation>
    </message>
    <message>
        <source>Join link</source>
        <translation>参加リンク</translation>
    </message>
    <message>
        <source>Open join link</source>
        <translation>参加リンクを開く</translation>
    </message>
    <message>
        <source>&amp;Join link:</source>
        <translation>参加リンク(&amp;J):</translation>
    </message>
    <message>
        <source>Agenda from the invitation</source>
        <translation>招待状のアジェンダ</translation>
    </message>
    <message>
        <source>Agenda:</source>
        <translation>アジェンダ:</translation>
    </message>
    <message>
        <source>My intention</source>
        <translation>私の目的</translation>
    </message>
    <message>
        <source>&amp;Intention:</source>
        <translation>目的(&amp;I):</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>メモ(&amp;N):</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参加者</translation>
    </message>
    <message>
        <source>Add person…</source>
        <translation>人を追加…</translation>
    </message>
    <message>
        <source>Add a contact to this encounter</source>
        <translation>このミーティングに連絡先を追加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>外す</translation>
    </message>
    <message>
        <source>Remove participant</source>
        <translation>参加者を外す</translation>
    </message>
    <message>
        <source>Link to contact…</source>
        <translation>連絡先に結び付ける…</translation>
    </message>
    <message>
        <source>Link attendee to an existing contact</source>
        <translation>参加者を既存の連絡先に結び付ける</translation>
    </message>
    <message>
        <source>Create contact</source>
        <translation>連絡先を作成</translation>
    </message>
    <message>
        <source>Create a contact from attendee</source>
        <translation>参加者から連絡先を作成</translation>
    </message>
    <message>
        <source>&amp;People:</source>
        <translation>参加者(&amp;P):</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>参加</translation>
    </message>
    <message>
        <source>Removed from calendar: a calendar you follow no longer lists this meeting. What you wrote about it is kept.</source>
        <translation>カレンダーから削除されました: 同期しているカレンダーにこのミーティングはもうありません。書き留めた内容はそのまま残ります。</translation>
    </message>
    <message>
        <source>new, not in contacts</source>
        <translation>新規(連絡先にありません)</translation>
    </message>
    <message>
        <source>({answer})</source>
        <translation>({answer})</translation>
    </message>
</context>
<context>
    <name>EncounterTableModel</name>
    <message>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>件名</translation>
    </message>
    <message>
        <source>People</source>
        <translation>参加者</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
</context>
<context>
    <name>EncountersView</name>
    <message>
        <source>Upcoming</source>
        <translation>今後</translation>
    </message>
    <message>
        <source>Show upcoming encounters</source>
        <translation>今後のミーティングを表示</translation>
    </message>
    <message>
        <source>Past</source>
        <translation>過去</translation>
    </message>
    <message>
        <source>Show past encounters</source>
        <translation>過去のミーティングを表示</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Show cancelled encounters</source>
        <translation>キャンセルされたミーティングを表示</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Show all encounters</source>
        <translation>すべてのミーティングを表示</translation>
    </message>
    <message>
        <source>New encounter</source>
        <translation>新しいミーティング</translation>
    </message>
    <message>
        <source>Encounters list</source>
        <translation>ミーティングの一覧</translation>
    </message>
    <message>
        <source>Filter encounters…</source>
        <translation>ミーティングを絞り込む…</translation>
    </message>
    <message>
        <source>Filter encounters</source>
        <translation>ミーティングを絞り込む</translation>
    </message>
    <message>
        <source>Reflect…</source>
        <translation>振り返る…</translation>
    </message>
    <message>
        <source>Reflect on this encounter</source>
        <translation>このミーティングを振り返る</translation>
    </message>
    <message>
        <source>Prep card…</source>
        <translation>準備カード…</translation>
    </message>
    <message>
        <source>Prep card for this encounter</source>
        <translation>このミーティングの準備カード</translation>
    </message>
    <message>
        <source>Preview, print or save the card to read before you go</source>
        <translation>出かける前に読むカードをプレビュー、印刷、保存します</translation>
    </message>
    <message>
        <source>Save encounter</source>
        <translation>ミーティングを保存</translation>
    </message>
    <message>
        <source>Discard encounter changes</source>
        <translation>ミーティングの変更を破棄</translation>
    </message>
    <message>
        <source>Select an encounter, or press Ctrl+Shift+N to add one.</source>
        <translation>ミーティングを選ぶか、Ctrl+Shift+N で追加してください。</translation>
    </message>
    <message>
        <source>Edit reflection…</source>
        <translation>振り返りを編集…</translation>
    </message>
    <message>
        <source>save the encounter</source>
        <translation>ミーティングを保存する</translation>
    </message>
    <message>
        <source>Saved {title}</source>
        <translation>「{title}」を保存しました</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>人を追加</translation>
    </message>
    <message>
        <source>Who else was (or will be) there?</source>
        <translation>ほかに誰が参加しましたか(参加しますか)?</translation>
    </message>
    <message>
        <source>add the person</source>
        <translation>人を追加する</translation>
    </message>
    <message>
        <source>Remove participant</source>
        <translation>参加者を外す</translation>
    </message>
    <message>
        <source>Remove {name} from this encounter?</source>
        <translation>このミーティングから{name}を外しますか?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>remove the person</source>
        <translation>人を外す</translation>
    </message>
    <message>
        <source>Link to contact</source>
        <translation>連絡先に結び付ける</translation>
    </message>
    <message>
        <source>Who is {name}?</source>
        <translation>{name}はどなたですか?</translation>
    </message>
    <message>
        <source>link the attendee</source>
        <translation>参加者を結び付ける</translation>
    </message>
    <message>
        <source>Linked {name}</source>
        <translation>{name}を結び付けました</translation>
    </message>
    <message>
        <source>create the contact</source>
        <translation>連絡先を作成する</translation>
    </message>
    <message>
        <source>Added {name} to your contacts</source>
        <translation>{name}を連絡先に追加しました</translation>
    </message>
</context>
<context>
    <name>ListDetailPage</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存 (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Ichigo — locked</source>
        <translation>Ichigo — ロック中</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Ichigo is locked&lt;/h3&gt;&lt;p&gt;{vault} was closed after a while without use, so nobody else can read it.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ichigo はロックされています&lt;/h3&gt;&lt;p&gt;しばらく操作がなかったため、{vault} を閉じました。ほかの人が読むことはできません。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>ロック解除(&amp;U)…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>連絡先</translation>
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
        <source>Navigation</source>
        <translation>ナビゲーション</translation>
    </message>
    <message>
        <source>Opening {vault}…</source>
        <translation>{vault} を開いています…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Undo merge of {name}</source>
        <translation>{name}の統合を取り消す(&amp;U)</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>統合を取り消す</translation>
    </message>
    <message>
        <source>Separate {other} from {keep} again?

Both get back exactly what they had before the merge, with their meetings and promises.</source>
        <translation>{other}を{keep}から再び分けますか?

どちらも統合前の状態に戻り、ミーティングや約束もそれぞれに戻ります。</translation>
    </message>
    <message>
        <source>&amp;Undo merge</source>
        <translation>統合を取り消す(&amp;U)</translation>
    </message>
    <message>
        <source>undo the merge</source>
        <translation>統合を取り消す</translation>
    </message>
    <message>
        <source>{other} is back, apart from {keep}</source>
        <translation>{other}を{keep}から分けて元に戻しました</translation>
    </message>
    <message>
        <source>Ichigo — {vault}</source>
        <translation>Ichigo — {vault}</translation>
    </message>
    <message>
        <source>The vault is damaged; see File &gt; Restore… for backups</source>
        <translation>保管庫が破損しています。「ファイル &gt; 復元…」でバックアップを確認してください</translation>
    </message>
    <message>
        <source>Your unsaved edits from before the lock are back; not saved yet</source>
        <translation>ロック前の未保存の編集を元に戻しました(まだ保存されていません)</translation>
    </message>
    <message>
        <source>keychain</source>
        <translation>キーチェーン</translation>
    </message>
    <message>
        <source>passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
</context>
<context>
    <name>PrepPane</name>
    <message>
        <source>Print preview…</source>
        <translation>印刷プレビュー…</translation>
    </message>
    <message>
        <source>Print preview of the prep card</source>
        <translation>準備カードの印刷プレビュー</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>Print the prep card</source>
        <translation>準備カードを印刷</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>PDF として保存…</translation>
    </message>
    <message>
        <source>Save the prep card as PDF</source>
        <translation>準備カードを PDF として保存</translation>
    </message>
    <message>
        <source>Card &amp;size:</source>
        <translation>カードのサイズ(&amp;S):</translation>
    </message>
    <message>
        <source>Prep card preview</source>
        <translation>準備カードのプレビュー</translation>
    </message>
    <message>
        <source>No prep card: {reason}.</source>
        <translation>準備カードを作れません: {reason}。</translation>
    </message>
    <message>
        <source>prep-card.pdf</source>
        <translation>準備カード.pdf</translation>
    </message>
    <message>
        <source>Prep card - {title} - {date}.pdf</source>
        <translation>準備カード - {title} - {date}.pdf</translation>
    </message>
    <message>
        <source>Save prep card as PDF</source>
        <translation>準備カードを PDF として保存</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path} に保存しました</translation>
    </message>
</context>
<context>
    <name>PromiseTableModel</name>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>約束した人</translation>
    </message>
    <message>
        <source>Promise</source>
        <translation>約束</translation>
    </message>
    <message>
        <source>With</source>
        <translation>相手</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
</context>
<context>
    <name>PromisesView</name>
    <message>
        <source>Open</source>
        <translation>未完了</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>Both ways</source>
        <translation>双方</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>自分の約束</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>相手の約束</translation>
    </message>
    <message>
        <source>Show promises</source>
        <translation>表示する約束</translation>
    </message>
    <message>
        <source>Whose promises</source>
        <translation>誰の約束か</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>完了にする</translation>
    </message>
    <message>
        <source>Mark promise done</source>
        <translation>約束を完了にする</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>未完了に戻す</translation>
    </message>
    <message>
        <source>Reopen promise</source>
        <translation>約束を未完了に戻す</translation>
    </message>
    <message>
        <source>&amp;Follow up…</source>
        <translation>フォローアップ(&amp;F)…</translation>
    </message>
    <message>
        <source>Draft a follow-up on this promise</source>
        <translation>この約束のフォローアップを下書き</translation>
    </message>
    <message>
        <source>Draft a message to them about a promise you made</source>
        <translation>自分がした約束について、相手へのメッセージを下書きします</translation>
    </message>
    <message>
        <source>Open encounter</source>
        <translation>ミーティングを開く</translation>
    </message>
    <message>
        <source>Open the encounter of this promise</source>
        <translation>この約束のミーティングを開く</translation>
    </message>
    <message>
        <source>Promises list</source>
        <translation>約束の一覧</translation>
    </message>
    <message>
        <source>Filter promises…</source>
        <translation>約束を絞り込む…</translation>
    </message>
    <message>
        <source>Filter promises</source>
        <translation>約束を絞り込む</translation>
    </message>
    <message>
        <source>update the promise</source>
        <translation>約束を更新する</translation>
    </message>
    <message>
        <source>Promise marked done</source>
        <translation>約束を完了にしました</translation>
    </message>
    <message>
        <source>Promise reopened</source>
        <translation>約束を未完了に戻しました</translation>
    </message>
</context>
<context>
    <name>ReflectionTableModel</name>
    <message>
        <source>Date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>Encounter</source>
        <translation>ミーティング</translation>
    </message>
    <message>
        <source>People</source>
        <translation>参加者</translation>
    </message>
    <message>
        <source>What I learned</source>
        <translation>学んだこと</translation>
    </message>
    <message>
        <source>Gratitude</source>
        <translation>感謝</translation>
    </message>
</context>
<context>
    <name>ReflectionsView</name>
    <message>
        <source>What I learned</source>
        <translation>学んだこと</translation>
    </message>
    <message>
        <source>What went well</source>
        <translation>うまくいったこと</translation>
    </message>
    <message>
        <source>What to do better</source>
        <translation>次に改善したいこと</translation>
    </message>
    <message>
        <source>Gratitude</source>
        <translation>感謝</translation>
    </message>
    <message>
        <source>Next time</source>
        <translation>次回に向けて</translation>
    </message>
    <message>
        <source>Thanks not sent</source>
        <translation>お礼未送信のみ</translation>
    </message>
    <message>
        <source>Only reflections whose thanks are not sent</source>
        <translation>お礼をまだ送っていない振り返りだけ</translation>
    </message>
    <message>
        <source>Reflections list</source>
        <translation>振り返りの一覧</translation>
    </message>
    <message>
        <source>Search reflections…</source>
        <translation>振り返りを検索…</translation>
    </message>
    <message>
        <source>Search reflections</source>
        <translation>振り返りを検索</translation>
    </message>
    <message>
        <source>Reflection</source>
        <translation>振り返り</translation>
    </message>
    <message>
        <source>Edit reflection…</source>
        <translation>振り返りを編集…</translation>
    </message>
    <message>
        <source>Edit reflection</source>
        <translation>振り返りを編集</translation>
    </message>
    <message>
        <source>Thanks sent.</source>
        <translation>お礼は送りました。</translation>
    </message>
    <message>
        <source>Thanks not sent yet.</source>
        <translation>お礼はまだ送っていません。</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Search people, meetings, notes…  (Ctrl+K)</source>
        <translation>人、ミーティング、メモを検索…  (Ctrl+K)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>検索結果</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>見つかりませんでした</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <source>no attendees</source>
        <translation>参加者なし</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Today · {date}</source>
        <translation>今日 · {date}</translation>
    </message>
    <message>
        <source>Ichi-go ichi-e: treat each meeting as the only one.</source>
        <translation>一期一会。一つひとつの出会いを、一生に一度のものとして。</translation>
    </message>
    <message>
        <source>The week ahead</source>
        <translation>今後1週間</translation>
    </message>
    <message>
        <source>Meeting {title}</source>
        <translation>ミーティング「{title}」</translation>
    </message>
    <message>
        <source>People not in your contacts yet: click to meet them</source>
        <translation>まだ連絡先にない人です。クリックして確認できます</translation>
    </message>
    <message>
        <source>No meetings in the next seven days.</source>
        <translation>今後7日間にミーティングはありません。</translation>
    </message>
    <message>
        <source>Waiting for a reflection</source>
        <translation>振り返り待ち</translation>
    </message>
    <message>
        <source>What did you learn, what went well, what are you grateful for?</source>
        <translation>何を学び、何がうまくいき、何に感謝していますか?</translation>
    </message>
    <message>
        <source>Reflect now</source>
        <translation>振り返る</translation>
    </message>
    <message>
        <source>Reflect on {title}</source>
        <translation>「{title}」を振り返る</translation>
    </message>
    <message>
        <source>Promises due</source>
        <translation>期限が近い約束</translation>
    </message>
    <message>
        <source>I promised {name}</source>
        <translation>{name}への約束</translation>
    </message>
    <message>
        <source>{name} promised me</source>
        <translation>{name}からの約束</translation>
    </message>
    <message>
        <source>They promised me</source>
        <translation>相手からの約束</translation>
    </message>
    <message>
        <source>Promise {text}</source>
        <translation>約束: {text}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Mark done: {text}</source>
        <translation>完了にする: {text}</translation>
    </message>
    <message>
        <source>Thanks to send</source>
        <translation>送るお礼</translation>
    </message>
    <message>
        <source>Gratitude noted but not yet said.</source>
        <translation>感謝を書き留めたものの、まだ伝えていません。</translation>
    </message>
    <message>
        <source>them</source>
        <translation>相手</translation>
    </message>
    <message>
        <source>Write…</source>
        <translation>書く…</translation>
    </message>
    <message>
        <source>Write thanks to {name} for {title}</source>
        <translation>「{title}」について{name}へのお礼を書く</translation>
    </message>
    <message>
        <source>Thanks sent</source>
        <translation>お礼済みにする</translation>
    </message>
    <message>
        <source>Thanks sent to {name} for {title}</source>
        <translation>「{title}」の{name}へのお礼を送信済みにする</translation>
    </message>
    <message>
        <source>All calm</source>
        <translation>落ち着いています</translation>
    </message>
    <message>
        <source>Nothing needs you today. Enjoy the quiet.</source>
        <translation>今日は対応が必要なことはありません。静かな時間をお楽しみください。</translation>
    </message>
    <message>
        <source>Keep in touch</source>
        <translation>ご無沙汰している人</translation>
    </message>
    <message>
        <source>Not a pipeline: just people you&apos;d like to see.</source>
        <translation>営業リストではなく、また会いたい人たちです。</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>重複の候補</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>確認…</translation>
    </message>
    <message>
        <source>Review possible duplicates</source>
        <translation>重複の候補を確認</translation>
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
        <source>record the thanks</source>
        <translation>お礼を記録する</translation>
    </message>
    <message>
        <source>Thanks marked as sent</source>
        <translation>お礼を送信済みにしました</translation>
    </message>
</context>
<context>
    <name>TriageWidget</name>
    <message>
        <source>People from your calendar who are not in your contacts yet. Decide once per person: every meeting they appear in follows. ★ marks a suggestion; nothing is linked without you.</source>
        <translation>カレンダーに登場する、まだ連絡先にない人たちです。一人につき一度決めれば、その人が参加するすべてのミーティングに反映されます。★は候補の印です。あなたの確認なしに結び付けることはありません。</translation>
    </message>
    <message>
        <source>Show everyone new</source>
        <translation>未登録の人をすべて表示</translation>
    </message>
    <message>
        <source>Show new people from all meetings</source>
        <translation>すべてのミーティングの未登録の人を表示</translation>
    </message>
    <message>
        <source>Filter new people…</source>
        <translation>未登録の人を絞り込む…</translation>
    </message>
    <message>
        <source>Filter new people</source>
        <translation>未登録の人を絞り込む</translation>
    </message>
    <message>
        <source>New people</source>
        <translation>未登録の人</translation>
    </message>
    <message>
        <source>Name for the new contact</source>
        <translation>新しい連絡先の名前</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>アドレス:</translation>
    </message>
    <message>
        <source>Meetings:</source>
        <translation>ミーティング:</translation>
    </message>
    <message>
        <source>Create contact</source>
        <translation>連絡先を作成</translation>
    </message>
    <message>
        <source>Create a contact for this person</source>
        <translation>この人の連絡先を作成</translation>
    </message>
    <message>
        <source>Link to existing contact…</source>
        <translation>既存の連絡先に結び付ける…</translation>
    </message>
    <message>
        <source>Link this person to an existing contact</source>
        <translation>この人を既存の連絡先に結び付ける</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>無視</translation>
    </message>
    <message>
        <source>Ignore this person</source>
        <translation>この人を無視</translation>
    </message>
    <message>
        <source>A room, a mailing list, someone you will not follow up: not asked about again,
here or in calendars you import later</source>
        <translation>会議室、メーリングリスト、フォローしない人など。ここでも、
今後取り込むカレンダーでも、再び尋ねることはありません</translation>
    </message>
    <message>
        <source>Nobody new is waiting. Everyone you will meet is in your contacts.</source>
        <translation>確認待ちの人はいません。会う予定の人は全員連絡先にいます。</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>アドレスなし</translation>
    </message>
    <message>
        <source>Next: {title}, {when}</source>
        <translation>次回: 「{title}」 {when}</translation>
    </message>
    <message>
        <source>No new people</source>
        <translation>未登録の人はいません</translation>
    </message>
    <message>
        <source>(the invite gave no address)</source>
        <translation>(招待状にアドレスがありません)</translation>
    </message>
    <message>
        <source>(cancelled)</source>
        <translation>(キャンセル)</translation>
    </message>
    <message>
        <source>Is this &lt;b&gt;{name}&lt;/b&gt;?</source>
        <translation>この人は &lt;b&gt;{name}&lt;/b&gt; ですか?</translation>
    </message>
    <message>
        <source>Yes, link to {name}</source>
        <translation>はい、{name}に結び付ける</translation>
    </message>
    <message>
        <source>Link to suggested contact {name}</source>
        <translation>候補の連絡先 {name} に結び付ける</translation>
    </message>
    <message>
        <source>create the contact</source>
        <translation>連絡先を作成する</translation>
    </message>
    <message>
        <source>Added {name} to your contacts</source>
        <translation>{name}を連絡先に追加しました</translation>
    </message>
    <message>
        <source>Link to contact</source>
        <translation>連絡先に結び付ける</translation>
    </message>
    <message>
        <source>Who is {name}?</source>
        <translation>{name}はどなたですか?</translation>
    </message>
    <message>
        <source>the contact</source>
        <translation>その連絡先</translation>
    </message>
    <message>
        <source>link the person</source>
        <translation>人を結び付ける</translation>
    </message>
    <message>
        <source>Linked {person} to {name}</source>
        <translation>{person}を{name}に結び付けました</translation>
    </message>
    <message>
        <source>ignore the person</source>
        <translation>人を無視する</translation>
    </message>
    <message>
        <source>Ignored {name}</source>
        <translation>{name}を無視しました</translation>
    </message>
</context>
<context>
    <name>fmt</name>
    <message>
        <source>{date} {time}</source>
        <translation>{date} {time}</translation>
    </message>
    <message>
        <source>Today {time}</source>
        <translation>今日 {time}</translation>
    </message>
    <message>
        <source>Tomorrow {time}</source>
        <translation>明日 {time}</translation>
    </message>
    <message>
        <source>Yesterday {time}</source>
        <translation>昨日 {time}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>昨日</translation>
    </message>
    <message>
        <source>no due date</source>
        <translation>期限なし</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今日が期限</translation>
    </message>
    <message>
        <source>due tomorrow</source>
        <translation>明日が期限</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>予定</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>実施済み</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>ミーティング</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>電話</translation>
    </message>
    <message>
        <source>Coffee</source>
        <translation>コーヒー</translation>
    </message>
    <message>
        <source>Meal</source>
        <translation>食事</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>イベント</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>その他</translation>
    </message>
</context>
<context>
    <name>menus</name>
    <message>
        <source>&amp;New contact</source>
        <translation>新しい連絡先(&amp;N)</translation>
    </message>
    <message>
        <source>New &amp;encounter</source>
        <translation>新しいミーティング(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Undo merge</source>
        <translation>統合を取り消す(&amp;U)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>切り取り(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>貼り付け(&amp;P)</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>すべて選択(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>検索(&amp;F)…</translation>
    </message>
    <message>
        <source>Possible &amp;duplicates…</source>
        <translation>重複の候補(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>再読み込み(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About Ichigo</source>
        <translation>Ichigo について(&amp;A)</translation>
    </message>
    <message>
        <source>About Ichigo</source>
        <translation>Ichigo について</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Ichi-go ichi-e&lt;/i&gt;: one time, one meeting.&lt;/p&gt;&lt;p&gt;A personal relationship manager that helps you arrive prepared, listen fully, and afterwards reflect, thank and follow up. Everything stays in an encrypted vault on this computer.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;一期一会&lt;/i&gt;: 一生に一度の出会い。&lt;/p&gt;&lt;p&gt;準備をして出会いに臨み、しっかり耳を傾け、そのあとで振り返り、感謝を伝え、フォローアップするための人間関係の手帳です。すべてのデータは、このコンピューター上の暗号化された保管庫に保存されます。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>システムの設定</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Ichigo will use {language} from the next start. Quit and open it again.</source>
        <translation>次回の起動から {language} で表示します。Ichigo を終了して、もう一度開いてください。</translation>
    </message>
</context>
<context>
    <name>models</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>no reflection</source>
        <translation>振り返りなし</translation>
    </message>
    <message>
        <source>✓ thanked</source>
        <translation>✓ お礼済み</translation>
    </message>
    <message>
        <source>thanks not sent</source>
        <translation>お礼未送信</translation>
    </message>
    <message>
        <source>{gratitude} ({sent})</source>
        <translation>{gratitude}({sent})</translation>
    </message>
    <message>
        <source>I promised</source>
        <translation>自分</translation>
    </message>
    <message>
        <source>They promised</source>
        <translation>相手</translation>
    </message>
    <message>
        <source>Done {date}</source>
        <translation>{date} に完了</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未完了</translation>
    </message>
</context>
<context>
    <name>unlock</name>
    <message>
        <source>Keychain unavailable</source>
        <translation>キーチェーンを利用できません</translation>
    </message>
    <message>
        <source>ICHIGO_PASSPHRASE does not open this vault.</source>
        <translation>ICHIGO_PASSPHRASE ではこの保管庫を開けません。</translation>
    </message>
    <message>
        <source>That passphrase does not open this vault. Please try again.</source>
        <translation>このパスフレーズでは保管庫を開けません。もう一度お試しください。</translation>
    </message>
    <message>
        <source>Cannot unlock the vault</source>
        <translation>保管庫のロックを解除できません</translation>
    </message>
    <message>
        <source>Ichigo is already open</source>
        <translation>Ichigo はすでに開いています</translation>
    </message>
    <message>
        <source>{reason}.

Close the other Ichigo window (or command) and start again.</source>
        <translation>{reason}。

もう一方の Ichigo のウィンドウ(またはコマンド)を閉じてから、もう一度起動してください。</translation>
    </message>
    <message>
        <source>Cannot open the vault</source>
        <translation>保管庫を開けません</translation>
    </message>
    <message>
        <source>Ichigo could not open {path} ({error}).</source>
        <translation>Ichigo は {path} を開けませんでした({error})。</translation>
    </message>
</context>
</TS>
