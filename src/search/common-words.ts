/**
 * Everyday English words (four letters or more, in the forms people write them) that spelling
 * repair must never "fix": on a small site the answers' own vocabulary lacks most of them, and
 * "says" would otherwise become "days". Written by hand from general knowledge of frequent
 * English; names of conditions are deliberately not here (a misspelt one should be repaired).
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `able about above across actually afraid after afternoon again against ago agree ahead allow allowed
almost alone along already also although always among amount angry another answer answers anxious anybody
anymore anyone anything anyway anywhere appear appears apply around arrive asked asking asks aunt away awake
baby back badly bathroom became because become becomes been before began begin beginning behind being
believe below beside besides best better between beyond bigger birthday bit body both bother bottle bought
brain break breakfast bring brings brother brought build built busy called calling calls came cannot
care careful carefully carry case cases cause caught certain certainly chance change changed changes
check checked children choose chose city clean clear clearly close closed cold come comes coming common
complete completely concern concerned consider constant constantly continue continues cost could
couldnt count couple course cousin crazy cried cries current currently daily damage dark daughter days
dead deal dear decide decided definitely depend describe despite details didnt died different
difficult dinner doctor doctors does doesnt doing done dont doubt down during each early easily easy
either else elsewhere email end ended ending enough entire especially even evening event ever every
everybody everyday everyone everything everywhere exactly example except expect experience explain
extra face fact fairly fall family father fear feel feeling feelings feels fell felt female few find
finding fine finished first five floor follow following food foot forget forgot form found four free
friend friends from front full fully further gave getting give given gives giving glad goes going gone
good gotten great grew ground group grow guess half hand hands happen happened happening happens happy
hard hardly hasnt have havent having head hear heard hello help helped helpful helping helps here hers
herself high himself hold home hope hopefully hoping hour hours house however hurt hurts husband idea
ideas important instead interested into issue issues itself just keep keeping keeps kept kind kinds knew
know knowing known knows lady large last late lately later least leave leaving left less lets life like
likely little live lived lives living long longer look looked looking looks lost loud love lower made main
make makes making male many married matter maybe mean means meant medical meet mentioned might mind
minute minutes miss missed mom moment money month months more morning most mother mouth move moved much
must myself name near nearly need needed needs neither nephew never next nice niece night nights nobody
none normal normally nothing notice noticed number often okay older once ones only open opinion other
others otherwise ought ourselves outside over overall own page parent parents part past people perhaps
person phone place plan please point possible possibly pretty probably problem problems put question
questions quick quickly quite rather read ready real really reason recent recently regarding regards
remember reply result results right said same saying says school second seem seemed seems seen send
sent serious several shall share short should show showed shown shows sick side similar simple since
sister sits sitting situation size slightly small some somebody someone something sometimes somewhere
soon sorry sort started starting starts state stay stayed still stop stopped strange strong stuff such
suddenly suggest supposed sure surely take taken takes taking talk talked tell telling tells than thank
thanks that thats their them themselves then there these they thing things think thinking thought three
through thus time times tired today together told tomorrow took total touch toward towards tried tries
true truly trying turn turned twice under understand unless until upon upset used useful usual usually
very visit wait waiting wake walk want wanted wants wasnt watch water ways week weekend weeks weird well
went were what whatever when where whether which while whole whom whose wife will wish with within
without woke woman women wonder wondering wont word words work worked working works world worried
worry worse worst would wouldnt write writing wrong year years yesterday young your yours yourself`.split(
    /\s+/,
  ),
);
