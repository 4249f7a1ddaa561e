/**
 * Names of common medicines, brands and supplements (lower case, one word each), for telling a
 * message about a medicine from one about a condition. Written from general knowledge of what is
 * commonly prescribed or sold over the counter in the US and UK (generic names, their brands, and
 * supplements MedQuAD has no pages on); not taken from any evaluation message. One-word names
 * that are also everyday English words ("ensure", "boost", "fleet", "sonata") are left out.
 */
export const MEDICINE_NAMES = `
albuterol amlodipine amoxicillin atorvastatin azithromycin benazepril bisoprolol budesonide bumetanide
buspirone carvedilol cefdinir cefuroxime celecoxib chlorthalidone citalopram clindamycin clonazepam
cyclobenzaprine dapagliflozin desvenlafaxine dexamethasone dexmethylphenidate diazepam dicyclomine
doxazosin duloxetine empagliflozin enalapril entecavir escitalopram esomeprazole ezetimibe famotidine
fenofibrate fluoxetine fluvoxamine glimepiride glipizide glyburide guanfacine hydroxyzine irbesartan
isosorbide ketoconazole labetalol lansoprazole latanoprost levocetirizine liothyronine lorazepam
lovastatin minocycline mirtazapine montelukast nabumetone nitrofurantoin nitroglycerin nortriptyline
olmesartan oxybutynin pantoprazole paroxetine pioglitazone pravastatin prazosin primidone propranolol
quinapril ramipril ranitidine rosuvastatin sertraline sildenafil sitagliptin solifenacin tadalafil
tamsulosin telmisartan temazepam terazosin tolterodine torsemide valacyclovir valsartan venlafaxine
zolpidem alprazolam amitriptyline apixaban rivaroxaban dabigatran ticagrelor prasugrel colesevelam
gemfibrozil hydroxyurea imatinib rituximab adalimumab etanercept infliximab ustekinumab secukinumab
dupilumab omalizumab denosumab alendronate risedronate ibandronate raloxifene teriparatide methimazole
propylthiouracil liraglutide semaglutide dulaglutide tirzepatide exenatide glargine detemir degludec
lispro pramlintide acarbose repaglinide nateglinide canagliflozin saxagliptin linagliptin alogliptin
rizatriptan zolmitriptan eletriptan valproate divalproex oxcarbazepine lacosamide zonisamide
ethosuximide phenobarbital clobazam cannabidiol epidiolex lurasidone ziprasidone clozapine haloperidol
paliperidone brexpiprazole cariprazine vortioxetine vilazodone nefazodone phenelzine tranylcypromine
selegiline rasagiline amantadine benztropine carbidopa entacapone riluzole edaravone tetrabenazine
deutetrabenazine modafinil armodafinil atomoxetine lisdexamfetamine amphetamine naltrexone acamprosate
disulfiram prochlorperazine loperamide simethicone lactulose senna bisacodyl docusate sucralfate
misoprostol cimetidine rabeprazole dexlansoprazole linaclotide lubiprostone azathioprine mercaptopurine
cyclosporine tacrolimus mycophenolate sirolimus everolimus leflunomide tofacitinib baricitinib
upadacitinib apremilast febuxostat probenecid methylprednisolone triamcinolone betamethasone clobetasol
mometasone beclomethasone ciclesonide salmeterol formoterol tiotropium ipratropium levalbuterol
zafirlukast cromolyn chlorpheniramine brompheniramine doxylamine pseudoephedrine phenylephrine
guaifenesin dextromethorphan benzonatate oseltamivir zanamivir baloxavir remdesivir paxlovid
nirmatrelvir molnupiravir famciclovir tenofovir emtricitabine efavirenz dolutegravir bictegravir
raltegravir lamivudine zidovudine abacavir sofosbuvir ledipasvir velpatasvir ribavirin cefazolin
ceftriaxone cefepime vancomycin linezolid daptomycin gentamicin tobramycin amikacin clarithromycin
erythromycin levofloxacin moxifloxacin tetracycline sulfamethoxazole trimethoprim fosfomycin rifampin
isoniazid pyrazinamide ethambutol dapsone terbinafine nystatin clotrimazole miconazole itraconazole
voriconazole permethrin albendazole mebendazole praziquantel atovaquone primaquine artemether enoxaparin
fondaparinux amiodarone dronedarone flecainide propafenone sotalol dofetilide nebivolol ranolazine
minoxidil eplerenone metolazone acetazolamide sacubitril ivabradine
zestril prinivil toprol lopressor coreg tenormin cozaar diovan benicar micardis avapro cardizem procardia
bumex demadex lanoxin cordarone multaq pradaxa brilinta effient zetia vytorin welchol tricor lopid
niaspan livalo pravachol mevacor actos avandia amaryl glucotrol glynase farxiga invokana steglatro
tradjenta onglyza nesina janumet synjardy xigduo mounjaro zepbound saxenda byetta bydureon rybelsus
levemir tresiba toujeo basaglar novolin humulin apidra fiasp afrezza baqsimi boniva fosamax actonel
evista prolia forteo tapazole unithroid levoxyl tirosint estrace prempro provera prometrium yasmin
loestrin sprintec nexplanon kyleena skyla paragard femara aromasin lupron zoladex xtandi zytiga casodex
uroxatral rapaflo proscar avodart jalyn detrol ditropan vesicare myrbetriq toviaz enablex stendra addyi
zovirax famvir relenza xofluza truvada descovy biktarvy genvoya triumeq dovato juluca harvoni epclusa
mavyret sovaldi omnicef ceftin biaxin avelox septra macrobid monurol vibramycin minocin doryx solodyn
cleocin tindamax lamisil nizoral monistat restoril halcion lunesta belsomra rozerem silenor buspar
vistaril atarax luvox pristiq fetzima remeron desyrel trintellix viibryd elavil pamelor tofranil
anafranil nardil parnate emsam rexulti vraylar latuda geodon clozaril invega lithobid eskalith trileptal
zonegran vimpat horizant gralise banzel onfi sabril briviact fycompa xcopri aptiom focalin strattera
intuniv qelbree provigil nuvigil rytary stalevo azilect xadago neupro exelon razadyne rilutek radicava
austedo ingrezza xenazine maxalt zomig relpax frova amerge axert nurtec ubrelvy aimovig emgality ajovy
fioricet fiorinal esgic norco lortab oxycontin dilaudid opana nucynta ultram ultracet demerol duragesic
butrans belbuca subutex zubsolv vivitrol antabuse campral naprosyn anaprox relafen daypro feldene
arthrotec indocin ecotrin xyzal clarinex accolate flonase nasonex nasacort rhinocort qnasl astelin
patanase afrin delsym tessalon proair xopenex atrovent combivent incruse anoro trelegy breo dulera
pulmicort asmanex arnuity alvesco xolair nucala fasenra dupixent simponi cimzia stelara cosentyx taltz
skyrizi tremfya otezla xeljanz olumiant rinvoq orencia actemra kevzara rituxan arava imuran cellcept
prograf neoral sandimmune rapamune zortress deltasone orapred decadron kenalog celestone temovate lidex
elocon cortaid protopic elidel eucrisa opzelura differin epiduo aczone soolantra finacea absorica
amnesteem claravis rogaine latisse xalatan lumigan travatan timoptic cosopt combigan alphagan azopt
trusopt restasis xiidra pataday zaditor lotemax durezol vigamox tobradex neosporin polysporin bacitracin
bactroban silvadene lotrimin protonix prevacid aciphex dexilant tagamet carafate cytotec linzess amitiza
trulance motegrity movantik relistor benefiber senokot gaviscon maalox mylanta rolaids pepto-bismol
lomotil bentyl levsin librax xifaxan viberzi lialda asacol pentasa apriso delzicol colazal uceris
entocort rowasa canasa compazine emend marinol antivert bonine jantoven lovenox arixtra procrit epogen
aranesp neupogen neulasta centrum multivitamin probiotic probiotics
`;
