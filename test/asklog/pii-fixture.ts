/**
 * Patient messages with planted personal data, written for the scrubbing test. Every value in
 * `pii` is invented (example.com/.org domains, Ofcom drama phone ranges, fictional addresses,
 * NHS numbers that fail the checksum) and must not survive scrubbing; every phrase in `keep` is
 * medical content that must.
 */
export interface PiiMessage {
  text: string;
  pii: string[];
  keep?: string[];
}

export const PII_MESSAGES: PiiMessage[] = [
  {
    text: 'Hi my name is John Carter, is it normal to have headaches after starting amlodipine?',
    pii: ['John', 'Carter'],
    keep: ['amlodipine'],
  },
  {
    text: 'My email is sarah.lee@example.com - can asthma inhalers cause a sore throat?',
    pii: ['sarah.lee@example.com'],
    keep: ['asthma'],
  },
  {
    text: 'Please call me on 07700 900123 about my metformin dose.',
    pii: ['07700 900123'],
    keep: ['metformin'],
  },
  {
    text: 'I live at 14 Maple Avenue, Leeds LS6 2AB and there is mould in the flat, can it cause eczema?',
    pii: ['14 Maple Avenue', 'LS6 2AB'],
    keep: ['eczema'],
  },
  {
    text: 'DOB 03/07/1962, diagnosed with type 2 diabetes last year, what should I eat?',
    pii: ['03/07/1962'],
    keep: ['type 2 diabetes'],
  },
  {
    text: 'My NHS number is 943 476 5919, can you tell me if my scan results show gallstones?',
    pii: ['943 476 5919'],
    keep: ['gallstones'],
  },
  {
    text: 'my son Oliver, 7, keeps getting ear infections, should he have grommets?',
    pii: ['Oliver'],
    keep: ['ear infections', 'grommets'],
  },
  {
    text: 'See https://forum.example.org/thread/8812?user=kate88 - is this true about statins?',
    pii: ['forum.example.org', 'kate88'],
    keep: ['statins'],
  },
  {
    text: 'My SSN is 078-05-1120, I need my insurance to cover insulin, how much should it cost?',
    pii: ['078-05-1120'],
    keep: ['insulin'],
  },
  {
    text: 'Dear Sir/Madam, my husband David Okafor has high blood pressure and gets dizzy. Thanks, Grace Okafor',
    pii: ['David', 'Okafor', 'Grace'],
    keep: ['high blood pressure'],
  },
  {
    text: 'I was born on 12 March 1975 and have had migraines since I was a teenager. Are they hereditary?',
    pii: ['12 March 1975'],
    keep: ['migraines', 'hereditary'],
  },
  {
    text: 'Can you ring me at (555) 201-4477? My daughter has a rash after amoxicillin.',
    pii: ['(555) 201-4477', '201-4477'],
    keep: ['amoxicillin', 'rash'],
  },
  {
    text: 'hello this is Priya Sharma from Croydon, what are the symptoms of anaemia?',
    pii: ['Priya', 'Sharma'],
    keep: ['anaemia'],
  },
  {
    text: 'What is the best treatment for gout? Regards, Michael Brown',
    pii: ['Michael', 'Brown'],
    keep: ['gout'],
  },
  {
    text: 'My mother Margaret is 82 and forgets things a lot, is it dementia?',
    pii: ['Margaret'],
    keep: ['dementia'],
  },
  {
    text: 'email me at tom_h1987@example.net please, does ibuprofen interact with lisinopril',
    pii: ['tom_h1987@example.net'],
    keep: ['ibuprofen', 'lisinopril'],
  },
  {
    text: 'my name is ahmed hassan, i have chest pain when i climb stairs',
    pii: ['ahmed', 'hassan'],
    keep: ['chest pain'],
  },
  {
    text: 'Is psoriasis contagious? I am asking for my friend Emily Watson who is 34.',
    pii: ['Emily', 'Watson'],
    keep: ['psoriasis'],
  },
  {
    text: "Our address is 221B Baker Street, London NW1 6XE, can someone visit about my mum's bed sores?",
    pii: ['221B Baker Street', 'NW1 6XE'],
    keep: ['bed sores'],
  },
  {
    text: 'Date of birth: 1990-05-14. I take levothyroxine, can I drink coffee?',
    pii: ['1990-05-14'],
    keep: ['levothyroxine'],
  },
  {
    text: 'My patient number is RX4471902, what do my cholesterol results mean?',
    pii: ['RX4471902'],
    keep: ['cholesterol'],
  },
  { text: 'Thank you,\nLinda Martinez', pii: ['Linda', 'Martinez'] },
  {
    text: 'Could my tinnitus be caused by aspirin? Kind regards, Dr. Helen Price',
    pii: ['Helen', 'Price'],
    keep: ['tinnitus', 'aspirin'],
  },
  {
    text: 'I saw Dr Khan yesterday and he said I have shingles, how long is it catching?',
    pii: ['Khan'],
    keep: ['shingles'],
  },
  {
    text: 'Mrs Patricia Nolan, 67, asks whether hip replacement surgery is safe at her age.',
    pii: ['Patricia', 'Nolan'],
    keep: ['hip replacement'],
  },
  {
    text: 'Contact: +44 20 7946 0958. Is it safe to take paracetamol and codeine together?',
    pii: ['+44 20 7946 0958', '7946 0958'],
    keep: ['paracetamol', 'codeine'],
  },
  {
    text: 'my baby Noah was born 2 weeks early, on 4 June 2023, is jaundice normal?',
    pii: ['Noah', '4 June 2023'],
    keep: ['jaundice'],
  },
  {
    text: 'Where can I get tested for celiac disease near 1600 Pennsylvania Avenue?',
    pii: ['1600 Pennsylvania Avenue'],
    keep: ['celiac disease'],
  },
  {
    text: 'I found this on www.example.com/health/lupus-cure.html is it real?',
    pii: ['www.example.com/health/lupus-cure.html', 'example.com'],
  },
  {
    text: "Hi, I'm Daniel Kim and I have had a cough for three weeks. Should I worry about TB?",
    pii: ['Daniel', 'Kim'],
    keep: ['cough', 'TB'],
  },
  {
    text: 'My wife Sophie is pregnant and has bad heartburn, what can she take? Call 020 7946 0321',
    pii: ['Sophie', '020 7946 0321'],
    keep: ['heartburn', 'pregnant'],
  },
  {
    text: "Does Parkinson's disease run in families? My father Robert Hughes had it.",
    pii: ['Robert', 'Hughes'],
    keep: ["Parkinson's disease"],
  },
  { text: "is crohn's disease curable. thanks james", pii: ['james'], keep: ["crohn's disease"] },
  { text: 'MRN: 00482913. What does a high ALT level mean?', pii: ['00482913'], keep: ['ALT'] },
  {
    text: "My grandson Lucas aged 4 has a temperature of 39 and won't eat, what do I do?",
    pii: ['Lucas'],
    keep: ['temperature'],
  },
  {
    text: 'Name: Fatima Begum. Question: can I fast during Ramadan with diabetes?',
    pii: ['Fatima', 'Begum'],
    keep: ['diabetes'],
  },
  {
    text: 'i live on 7 church lane and my neighbour says my cough is asthma',
    pii: ['7 church lane'],
    keep: ['asthma'],
  },
  {
    text: 'My insurance policy number is HX-220-5518-Q and they refuse to pay for physiotherapy, is physio needed after knee surgery?',
    pii: ['HX-220-5518'],
    keep: ['knee surgery'],
  },
  {
    text: 'What are the side effects of sertraline? Sent from john.doe@example.org',
    pii: ['john.doe@example.org'],
    keep: ['sertraline'],
  },
  {
    text: 'Hello, my daughter Chloe (12) has scoliosis. Will she need a brace?',
    pii: ['Chloe'],
    keep: ['scoliosis'],
  },
  {
    text: 'I am 45 and was told I have fatty liver. My number is 07700 900456 if you need more info.',
    pii: ['07700 900456'],
    keep: ['fatty liver', '45'],
  },
  {
    text: 'Dear Doctor, I am Rahul Verma from Pune, my father has kidney stones, what diet helps?',
    pii: ['Rahul', 'Verma'],
    keep: ['kidney stones'],
  },
  {
    text: 'born 1958. is it too late to get the shingles vaccine?',
    pii: ['1958'],
    keep: ['shingles vaccine'],
  },
  { text: 'What causes nosebleeds in children? - Karen', pii: ['Karen'], keep: ['nosebleeds'] },
  { text: 'My brother Mark Ellis has epilepsy, can he drive?', pii: ['Mark', 'Ellis'], keep: ['epilepsy'] },
  { text: 'Is it normal to bleed after a smear test? Jennifer, 29', pii: ['Jennifer'], keep: ['smear test'] },
  {
    text: 'call 555-867-5309 or 5558675309 i need help with my anxiety',
    pii: ['555-867-5309', '5558675309'],
    keep: ['anxiety'],
  },
  {
    text: 'Hi team, Our son William was diagnosed with Williams syndrome. What should we expect?',
    pii: ['William'],
    keep: ['Williams syndrome'],
  },
  {
    text: 'My address: Flat 3, 48 Victoria Road, Manchester M14 5RT. Can a GP refer me for an MRI?',
    pii: ['48 Victoria Road', 'M14 5RT'],
    keep: ['MRI'],
  },
  {
    text: 'The consultant, Professor Alan Whitfield, said my thyroid nodule is benign. Should I have it removed?',
    pii: ['Alan', 'Whitfield'],
    keep: ['thyroid nodule'],
  },
  { text: 'Why does my knee click? Many thanks, Peter', pii: ['Peter'], keep: ['knee'] },
  {
    text: 'I had a stroke on 21/11/2022 and still cannot lift my arm, will it get better?',
    pii: ['21/11/2022'],
    keep: ['stroke'],
  },
  {
    text: 'Reach me at maria.g@example.co.uk. What are the early signs of MS?',
    pii: ['maria.g@example.co.uk'],
    keep: ['MS'],
  },
  {
    text: 'my husband is called Steven and he snores, could it be sleep apnoea?',
    pii: ['Steven'],
    keep: ['sleep apnoea'],
  },
  {
    text: "I'm Olivia. My periods are very heavy, is that endometriosis?",
    pii: ['Olivia'],
    keep: ['endometriosis'],
  },
  {
    text: 'Please reply to 123 Main St, Springfield IL 62704 about Lyme disease testing.',
    pii: ['123 Main St', 'IL 62704'],
    keep: ['Lyme disease'],
  },
  {
    text: 'I am worried about Down syndrome screening, my partner Jessica is 38 weeks.',
    pii: ['Jessica'],
    keep: ['Down syndrome'],
  },
  {
    text: "Does vitamin D help with depression? Cheers, Liam O'Connor",
    pii: ['Liam', "O'Connor"],
    keep: ['vitamin D', 'depression'],
  },
  {
    text: 'Hospital number 7781234. When should I stop taking warfarin before surgery?',
    pii: ['7781234'],
    keep: ['warfarin'],
  },
  {
    text: 'SUBJECT: cataracts\nMESSAGE: my mum Dorothy Evans, 88, had cataract surgery and sees halos. Normal?',
    pii: ['Dorothy', 'Evans'],
    keep: ['cataract'],
  },
  {
    text: 'Hi, this is Carlos Mendez. How do I know if my child has ADHD?',
    pii: ['Carlos', 'Mendez'],
    keep: ['ADHD'],
  },
  {
    text: 'My DOB is March 3, 1981 and I have never had chickenpox, should I get vaccinated?',
    pii: ['March 3, 1981'],
    keep: ['chickenpox'],
  },
  {
    text: 'does hay fever medicine make you sleepy? my mobile is +1 415 555 0132',
    pii: ['+1 415 555 0132', '555 0132'],
    keep: ['hay fever'],
  },
  {
    text: 'Hello my names Jake and I keep getting cold sores, how do I stop them?',
    pii: ['Jake'],
    keep: ['cold sores'],
  },
  {
    text: 'My wife, Anna Kowalski, has had a tremor in her hands since January. Could it be essential tremor?',
    pii: ['Anna', 'Kowalski'],
    keep: ['tremor'],
  },
  {
    text: 'Is there a link between gluten and eczema? I read about it at healthmyths.example.com',
    pii: ['healthmyths.example.com'],
    keep: ['gluten', 'eczema'],
  },
  {
    text: 'My 6 year old daughter Ella has a lisp. Is speech therapy worth it?',
    pii: ['Ella'],
    keep: ['speech therapy'],
  },
  {
    text: 'How long does a broken wrist take to heal? Best wishes, Rachel Green',
    pii: ['Rachel', 'Green'],
    keep: ['broken wrist'],
  },
  {
    text: 'i was born on 02-09-1970 and now my bones ache, is it arthritis or osteoporosis',
    pii: ['02-09-1970'],
    keep: ['arthritis', 'osteoporosis'],
  },
  {
    text: 'Please send info to PO Box 4410, what are treatments for rosacea?',
    pii: ['PO Box 4410'],
    keep: ['rosacea'],
  },
  {
    text: 'My uncle Joseph Adeyemi was told he has prostate cancer. What is PSA?',
    pii: ['Joseph', 'Adeyemi'],
    keep: ['prostate cancer', 'PSA'],
  },
  { text: 'Can I give my toddler honey for a cough? Hannah, mum of two', pii: ['Hannah'], keep: ['cough'] },
  {
    text: 'I am Mohammed Al-Rashid, my blood sugar is 11 after meals, is that high?',
    pii: ['Mohammed', 'Al-Rashid'],
    keep: ['blood sugar'],
  },
  {
    text: 'What is the NHS number 401 023 2137 used for and can I see my asthma records?',
    pii: ['401 023 2137'],
    keep: ['asthma'],
  },
  {
    text: 'My friend Chris told me antibiotics cure flu. Is that right?',
    pii: ['Chris'],
    keep: ['antibiotics', 'flu'],
  },
  {
    text: 'From: Elizabeth Turner\nCan Turner syndrome be detected before birth?',
    pii: ['Elizabeth'],
    keep: ['Turner syndrome'],
  },
  { text: 'Is a BMI of 31 obese? Sincerely, Mr. George Palmer', pii: ['George', 'Palmer'], keep: ['BMI'] },
  {
    text: 'Text me on 07911 123456. My ankle is swollen after a fall.',
    pii: ['07911 123456'],
    keep: ['ankle'],
  },
  {
    text: 'We are at 9 Oak Close, Bristol BS8 1TH. Do you need a referral for a hearing test?',
    pii: ['9 Oak Close', 'BS8 1TH'],
    keep: ['hearing test'],
  },
  {
    text: 'My son Ethan, who is 15, has acne all over his back. Will isotretinoin help?',
    pii: ['Ethan'],
    keep: ['acne', 'isotretinoin'],
  },
  {
    text: 'what is fibromyalgia? my doctor dr. susan reid mentioned it',
    pii: ['susan', 'reid'],
    keep: ['fibromyalgia'],
  },
  {
    text: 'I had my baby on 1st February 2024 and still feel low, is it postnatal depression?',
    pii: ['1st February 2024'],
    keep: ['postnatal depression'],
  },
  {
    text: 'My partner Ben has been diagnosed with Hodgkin lymphoma. What is the survival rate?',
    pii: ['Ben'],
    keep: ['Hodgkin lymphoma'],
  },
  {
    text: 'Account number 55012938. Why was my prescription for omeprazole stopped?',
    pii: ['55012938'],
    keep: ['omeprazole'],
  },
  {
    text: 'Hi, Sandra here. Can the menopause cause joint pain?',
    pii: ['Sandra'],
    keep: ['menopause', 'joint pain'],
  },
  {
    text: 'Is it ok to exercise with a hernia? I live at 30 Elm Grove.',
    pii: ['30 Elm Grove'],
    keep: ['hernia'],
  },
  {
    text: 'Dear Dr Ahmed, my sister Nina has had diarrhoea for a week. Should she go to hospital?',
    pii: ['Ahmed', 'Nina'],
    keep: ['diarrhoea'],
  },
  {
    text: 'my email - kevin.obrien@example.com - how do i lower my cholesterol naturally',
    pii: ['kevin.obrien@example.com'],
    keep: ['cholesterol'],
  },
  {
    text: 'What does a heart murmur in a baby mean? Thanks so much, Amelia and Tom',
    pii: ['Amelia', 'Tom'],
    keep: ['heart murmur'],
  },
  {
    text: 'I have psoriasis and my name is Victoria Lang. Are biologics safe?',
    pii: ['Victoria', 'Lang'],
    keep: ['psoriasis', 'biologics'],
  },
  {
    text: "Phone 0161 496 0752 ext 2. Is Bell's palsy permanent?",
    pii: ['0161 496 0752'],
    keep: ["Bell's palsy"],
  },
  {
    text: 'My colleague Omar says garlic lowers blood pressure, true?',
    pii: ['Omar'],
    keep: ['blood pressure'],
  },
  {
    text: 'Born in 1949, my dad is on tamsulosin, can it cause dizziness?',
    pii: ['1949'],
    keep: ['tamsulosin', 'dizziness'],
  },
  {
    text: 'Can you email the leaflet on glaucoma to nancy.w@example.org? Thanks, Nancy',
    pii: ['nancy.w@example.org', 'Nancy'],
    keep: ['glaucoma'],
  },
  { text: 'my girlfriend Zoe has had a UTI three times this year, why?', pii: ['Zoe'], keep: ['UTI'] },
  {
    text: 'Dear MedBrief, this is Thomas Wright. Is it dangerous to have a slow heart rate of 48?',
    pii: ['Thomas', 'Wright'],
    keep: ['slow heart rate'],
  },
  {
    text: 'Reference 88231977. I was refused a flu jab, am I eligible?',
    pii: ['88231977'],
    keep: ['flu jab'],
  },
  {
    text: 'After my appointment on 15/09/2024 I got a rash from the new cream. Normal?',
    pii: ['15/09/2024'],
    keep: ['rash'],
  },
  {
    text: 'My granddaughter Isabella, 3, swallowed a button battery. What do I do?',
    pii: ['Isabella'],
    keep: ['button battery'],
  },
  {
    text: 'Is hepatitis B curable? My number is +234 803 555 0199. God bless, Samuel',
    pii: ['+234 803 555 0199', 'Samuel'],
    keep: ['hepatitis B'],
  },
  {
    text: "I'm Jonathan Reyes, 52, and I get cramps in my calves at night. Why?",
    pii: ['Jonathan', 'Reyes'],
    keep: ['cramps'],
  },
  {
    text: 'Our GP Dr. Lisa Chen wants my son to have an ECG. What does it show?',
    pii: ['Lisa', 'Chen'],
    keep: ['ECG'],
  },
  {
    text: 'I read on http://cures.example.net/ that turmeric cures arthritis. Does it?',
    pii: ['cures.example.net'],
    keep: ['turmeric', 'arthritis'],
  },
  { text: 'Can stress cause hair loss? Love, Emma x', pii: ['Emma'], keep: ['hair loss'] },
  {
    text: 'My aunt Rosemary Clarke has COPD and uses oxygen at home. Is she allowed to fly?',
    pii: ['Rosemary', 'Clarke'],
    keep: ['COPD'],
  },
  {
    text: 'My date of birth is 24th December 1988, is 35 too old for a first pregnancy?',
    pii: ['24th December 1988'],
    keep: ['pregnancy'],
  },
  {
    text: 'Hello I am Aisha and my 2 year old son Yusuf has a high fever and a rash that does not fade.',
    pii: ['Aisha', 'Yusuf'],
    keep: ['high fever', 'rash'],
  },
  {
    text: 'Hi, Jack Thompson here. Does smoking cannabis affect fertility?',
    pii: ['Jack', 'Thompson'],
    keep: ['fertility'],
  },
];
