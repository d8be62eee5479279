"""Private word tables of the event extractor: triggers, support verbs, modality, actors.

These tables describe English news writing, not any one article. Each event
category has *verbal* triggers (a finite verb states that something happened:
"rushed", "named", "airlifted") and *nominal* ones (a noun that names an event:
"meeting", "drills", "takeover"). Nominal triggers state a new event only when a
support verb governs them ("held a meeting", "conducted drills") or an
indefinite article introduces them ("an emergency meeting"); a definite one
("the Taliban takeover") refers back to something already known, which is
background. ``phrase`` triggers are self-sufficient ("crossed the border",
"border guards").
"""

from __future__ import annotations

import re

_MILITARY_NOUNS = (r"troops|soldiers|servicemen|forces|units|battalions?|brigades?|divisions?|"
                   r"(?:additional |extra |more |two |three |several )companies|platoons|"
                   r"tanks|armou?red vehicles|warships|jets|fighter jets|aircraft|helicopters|"
                   r"artillery|missiles|reinforcements|paratroopers|marines|military personnel|"
                   r"military equipment|weapons|reservists|conscripts|border guards|border police|"
                   r"gendarmes|commandos|guardsmen|peacekeepers|fighters|armou?red personnel carriers|APCs|"
                   r"ammunition|arms|drones|air defen[cs]e systems?")

#: Diplomats as the object of an act: "expelled India's high commissioner".
DIPLOMATS = (r"(?:ambassadors?|envoys?|diplomats?|charg[eé]s?\s+d[’']affaires|charg[eé]s?|"
             r"high\s+commissioners?|military\s+advisers?|attach[eé]s?)")

_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"

#: Trigger patterns per category: (kind, regex). ``verb_military`` needs a military object
#: in the clause; ``verb_political`` a political object.
TRIGGERS: dict[str, tuple[tuple[str, str], ...]] = {
    "diplomacy": (
        ("speech", r"said|says|speaks|told|tells|noted|notes|stated|cautioned|warned|urged|stressed|"
                   r"emphasi[sz]ed|insisted|added|adding|declared|pledged|vowed|demanded|"
                   r"condemned|critici[sz]ed|welcomed|rejected|accused|proposed|agreed|agrees|"
                   r"discussed|spoke|negotiated|signed|reaffirmed|assured|promised|"
                   r"called\s+(?:(?:late\s+|early\s+)?on\s+" + _WEEKDAY + r"\s+)?for|"
                   r"called on(?!\s+" + _WEEKDAY + r")|expressed (?:concern|support|hope)|visited|visits|"
                   r"announced|refused to (?:recogni[sz]e|accept|negotiate|meet|talk)|"
                   r"recogni[sz]ed|ruled out|accusing|urging|warning|condemning|demanding|"
                   r"denied|confirmed|weighed in|praised|thanked|hailed|negotiating|"
                   r"(?:wrote|posted)\s+on\s+(?:X|Twitter|Facebook|Telegram|Instagram|social\s+media)|"
                   r"travel(?:l?ed|s)? to|arrived in|flew to"),
        ("phrase", r"(?:recalled|recalling|summoned|summoning|expelled|expelling)\s+"
                   r"(?:[\w.’'-]+\s+){0,3}?" + DIPLOMATS),
        ("phrase", r"(?:lodged|filed|registered|delivered|made)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?"
                   r"protests?\b"),
        # Sanctions: "the U.S. Treasury sanctioned Ivanishvili", "imposed entry bans on 11
        # officials", "freezing the assets of five senior officials".
        ("phrase", r"sanctioned|(?:imposed|imposing|announced|announcing|slapped)\s+(?:[\w-]+\s+){0,3}?"
                   r"(?:sanctions|entry\s+bans|travel\s+bans|visa\s+bans)|"
                   r"(?:froze|freezing|frozen)\s+(?:the\s+)?assets"),
        ("phrase", r"sent\s+(?:a\s+)?(?:[\w-]+\s+)?(?:message|letter|telegram)s?\s+of\s+"
                   r"(?:condolence|sympathy|solidarity)|(?:offered|sent|expressed)\s+(?:his\s+|her\s+|"
                   r"their\s+|its\s+)?(?:deep\s+|deepest\s+|sincere\s+)?condolences"),
        ("phrase", r"(?:downgrad|sever|cut|broke\s+off|breaking\s+off|restor)(?:ed|ing|es|s)?\s+"
                   r"(?:its\s+|their\s+|the\s+)?(?:diplomatic\s+)?(?:relations|ties)\b"),
        ("phrase", r"(?:adopted|passed|approved|issued|signed)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
                   r"(?:resolution|statement|declaration|agreement|communiqu[eé]|memorandum)"),
        ("phrase", r"issued\s+(?:[\w-]+\s+){0,2}?(?:condemnations|statements|protests|warnings)"),
        ("noun", r"(?:phone|telephone|video) (?:call|conversation|talks?)|talks|"
                 r"joint statement|communiqu[eé]|negotiations|(?:state |official )?visits?"),
    ),
    "meeting": (
        ("verb_meeting", r"met|meet|meets|convened|gathered"),
        ("verb_host", r"hosted|hosts|host|received"),
        ("noun", r"meeting|meetings|summit|summits|(?:video ?)?conference|videoconference|"
                 r"session|gathering|forum|council meeting"),
    ),
    "military_deployment": (
        ("phrase", r"(?:military|army|armou?red)\s+(?:[\w-]+\s+)?(?:convoys?|vehicles|columns?|trucks)\s+"
                   r"(?:enter|enters|entering|move|moves|moving|roll|rolls|rolling|head|heads|heading)\b"),
        ("phrase", r"(?:planes?|aircraft|flights?|helicopters?|ships?)\s+(?:[\w-]+\s+){0,6}?carrying\s+"
                   r"(?:[\w,-]+\s+){0,3}?(?:troops|soldiers|paratroopers|marines|forces|peacekeepers)\b"),
        ("phrase", r"(?:column|convoy|contingent|detachment)\s+of\s+(?:[\w,-]+\s+){0,10}?"
                   r"(?:troops|soldiers|armou?red vehicles|tanks|trucks|vehicles|fighters|forces)\s+"
                   r"(?:[\w-]+\s+){0,2}?(?:left|departed|headed|moved|rolled|arrived|entered)\b|"
                   r"(?:contingent|detachment|battalion)\s+(?:[\w-]+\s+){0,2}?(?:left|departed|"
                   r"headed|moved|arrived)\b"),
        ("verb", r"deployed|deploys|deploying|redeployed|stationed|massed|amassed|mobili[sz]ed|"
                 r"reinforced"),
        # "Israeli tanks had entered Quneitra", "armoured units had reached the area around
        # Qatana", "soldiers took up positions on Mount Hermon".
        ("phrase", r"(?:tanks|armou?red\s+(?:units|vehicles|columns)|troops|soldiers|forces)\s+"
                   r"(?:[\w-]+\s+){0,3}?(?:(?:had\s+|have\s+)?(?:entered|reached|advanced\s+(?:to|into|"
                   r"on))|took\s+up\s+positions)\b(?!\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:agreement|"
                   r"deal|accord|consensus|understanding|ceasefire|truce|settlement|decision)\b)"),
        ("verb_military", r"bolstered|strengthened|beefed up|boosted|reinforced|delivered|supplied|"
                          r"rushed|sent(?!\s+(?:back|home))|sends|sending|dispatched|moved|moves|moving|"
                          r"pulling|withdrawing|brought|flew|(?<=had |has )flown|(?<=have )flown|pulled|"
                          r"withdrew|withdrawn|positioned|ordered|shifted|transferred|"
                          r"(?:(?<=were )|(?<=was )|(?<=been ))posted(?=\s+(?:at|on|along|near|in|to|around)\b)|"
                          r"(?<=troops )(?:re-?)?entered|(?<=forces )(?:re-?)?entered|"
                          r"(?<=soldiers )(?:re-?)?entered"),
        ("phrase", r"(?:troops|forces|soldiers|military flights?|military aircraft|military planes?|"
                   r"last (?:[\w.]+\s+){0,2}?(?:flight|plane|troops|soldiers))\s+(?:[\w-]+\s+){0,2}?"
                   r"(?:left|departed|pulled out of|withdrew from|flew out of)"),
        # "stepped up patrols along the frontier"
        ("phrase", r"(?:stepped|stepping|ramped|ramping)\s+up\s+(?:[\w-]+\s+)?patrols|"
                   r"(?:increased|intensified|boosted|reinforced)\s+(?:[\w-]+\s+)?patrols"),
        # Armed men at their post: "Frontier Corps soldiers stand guard at a checkpoint",
        # "Taliban fighters manned new checkpoints along Darulaman Road".
        ("phrase", r"(?:troops|soldiers?|forces|fighters?|officers?|police(?:men)?|guards?|"
                   r"gunmen|militiamen|marines|paratroopers)\s+(?:[\w-]+\s+){0,4}?(?:stand|"
                   r"stands|stood|standing)\s+guard\b|(?:manned|manning)\s+(?:[\w-]+\s+){0,2}?"
                   r"(?:checkpoints?|posts|roadblocks|positions|barricades)\b"),
        ("noun", r"deployment|deployments|build-?up|troop movements?|mobili[sz]ation|"
                 r"handover|withdrawal|pull-?out|drawdown|reinforcements"),
    ),
    "military_exercise": (
        ("noun", r"(?:military )?parades?|drills?|(?:military|joint|naval|air|live-fire|tactical|"
                 r"command-staff|war|combat|counter-terrorism|anti-terror) exercises?|"
                 r"(?:air|missile) defen[cs]e exercises?|"
                 r"exercises|war ?games|maneuvers|manoeuvres|training (?:flights|missions|sorties|"
                 r"exercises)"),
        ("verb_military", r"trained|training"),
    ),
    "armed_clash": (
        ("verb", r"attacked|clashed|shelled|bombed|ambushed|stormed|"
                 r"fired (?:on|at|upon)|opened fire|exploded|shot dead|"
                 # "wounded 12", "killed one and wounded." count; before a word ("wounded
                 # civilians", "wounded several") it names the wounded, whose attack has
                 # its own verb
                 r"(?<!the )wounded(?!\s+[A-Za-z])|"
                 r"besieged|killed|kills|killing|exchanged fire|traded fire|exchanging fire|"
                 r"returned fire|returning fire|"
                 # "traded mortar and artillery fire", "exchanged heavy gunfire"
                 r"(?:exchanged|traded|exchanging|trading)\s+(?:[a-z-]+\s+){0,4}?(?:gun)?fire\b"),
        ("verb_armed", r"fought|struck|hit(?!\s+back\b)|targeted|pounded|destroyed"),
        # "jets flew 1,700 kilometres to strike the port": the flight's purpose, carried out
        ("phrase", r"(?:jets|planes|aircraft|warplanes|bombers|drones|helicopters)\s+(?:[\w-]+\s+)?"
                   r"(?:flew|flown)\s+(?:[\w,-]+\s+){0,4}?to\s+(?:strike|attack|bomb|hit)\b"),
        # "the shooting resumed near Ak-Sai", "fighting flared again"
        ("phrase", r"(?:shooting|gunfire|fighting|shelling|clashes)\s+(?:[\w-]+\s+){0,2}?"
                   r"(?:resumed|erupted|broke\s+out|flared|intensified)\b"),
        # "its camp at Zrgwez was also hit on Wednesday" (not "hit by the cyclone")
        ("phrase", r"(?:camps?|bases?|posts?|convoys?|compounds?|headquarters|positions|"
                   r"checkpoints?|outposts?|barracks)\s+(?:[\w,’'-]+\s+){0,5}?(?:was|were|had\s+been|"
                   r"has\s+been|have\s+been)\s+(?:also\s+)?(?:hit|struck|targeted|shelled|bombed)\b"
                   r"(?!\s+by\s+(?:the\s+|a\s+)?(?:cyclone|storm|floods?|flooding|earthquake|quake|"
                   r"typhoon|hurricane|landslides?|lightning))"),
        ("verb", r"firing (?:on|at|upon)|(?:shot|shooting|shoots) down|intercepted|downed"),
        ("phrase", r"(?:fired|launched|lobbed)\s+(?:[\w-]+\s+){0,3}?(?:rockets?|missiles?|shells?|"
                   r"mortars?|mortar rounds|drones?|grenades?|artillery|salvos?)\s+"
                   r"(?:[\w-]+\s+){0,3}?(?:at|on|into|towards?|against)\b"),
        ("phrase", r"(?:shells?|rockets?|missiles?|mortars?|mortar rounds|bombs?|drones?|"
                   r"(?:air\s?)?strikes|explosions|blasts)\s+"
                   r"(?:[\w-]+\s+){0,2}?(?:landed|hit|struck|fell|exploded|slammed|crashed|rained|"
                   r"shook|rocked)|"
                   r"hit\s+by\s+(?:[\w-]+\s+)?(?:rockets?|shells?|missiles?|mortars?|drones?|"
                   r"air ?strikes?)"),
        ("verb", r"beat|beaten|assaulted|whipped|flogged|tortured|lashed"),
        # "stabbed or hacked to death", "massacred": killings without a weapon of war.
        ("verb", r"(?:stabbed|hacked|bludgeoned|beaten|burned|burnt|clubbed)\s+to\s+death|"
                 r"massacred|beheaded"),
        # Fighters fought off: "drove them out on Tuesday", "repelled the attack".
        ("verb", r"repelled|repulsed|repelling|drove\s+(?:[\w-]+\s+){0,2}?out\b(?!\s+(?:to|of\s+town))"),
        ("phrase", r"(?:shooting|shot)\s+(?:(?:dead|at)\s+)?(?:[\w-]+\s+){0,2}?(?:men|women|boys|"
                   r"girls|people|civilians|children|protesters|villagers|residents|worshippers)\b"),
        # "stepped on a mine", "a landmine blast", "an IED went off"; "sent jets to strike"
        ("phrase", r"stepped\s+on\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:land)?mine|(?:landmines?|mines?|"
                   r"IEDs?|roadside bombs?|car bombs?)\s+(?:[\w-]+\s+){0,2}?(?:blast|explosion|"
                   r"exploded|went off|detonated)"),
        ("phrase", r"(?:sent|sending|scrambled|scrambling|dispatched)\s+(?:[\w-]+\s+){0,4}?"
                   r"(?:jets|warplanes|aircraft|planes|drones|helicopters|bombers|gunships)\s+to\s+"
                   r"(?:strike|bomb|attack|hit|target|pound|shell)\b"),
        ("phrase", r"set\s+(?:on\s+)?fire(?:\s+to)?|torched|burned down|burnt down|"
                   r"(?:were|was)\s+(?:set\s+on\s+fire|torched|burned|burnt|shelled)"),
        ("noun", r"(?:military|anti-terror(?:ist)?|counter-?terror(?:ism|ist)?|ground|security|"
                 r"clearance|mopping-up|counter-?insurgency) operations?"),
        ("phrase", r"(?:came|come|comes|coming)\s+under\s+(?:heavy\s+|renewed\s+|intense\s+)?"
                   r"(?:fire|attack|shelling|bombardment|rocket fire|artillery fire|drone attack)"),
        ("noun", r"attacks?|clash(?:es)?|fighting|bombings?|air ?strikes?|drone strikes?|strikes|"
                 r"shelling|explosions?|blasts?|battles?|fire ?fights?|gun ?fights?|"
                 r"exchanges? of fire|gunfire|(?:artillery|mortar|rocket|machine-gun|heavy|heavy weapons|"
                 r"small-arms|small arms|tank|sniper|cross-border) fire|"
                 r"ambush(?:es)?|offensive(?=\s+(?:on|against|in|to|near|toward|towards)\b|"
                 r"\s*[.,;])|raids?|assaults?|skirmish(?:es)?"),
    ),
    "border_crossing": (
        ("phrase", r"(?:cross(?:ed|es|ing)?|fled|flee(?:s|ing)?|escaped|poured|streamed|swam|"
                   r"walked|trekked|moved|pushed|retreated|ran|spilled|swarmed|returned|"
                   r"withdrew|entered|slipped|surged|flew|drove|sailed)\s+(?:(?!border)[\w-]+\s+){0,3}?"
                   r"(?:across|over|through)\s+(?:the\s+|a\s+)?(?:[\w–-]+\s+){0,2}?"
                   r"(?:border|check ?post|crossing point)"),
        ("phrase", r"cross(?:ed|es|ing)?\s+(?:the\s+|a\s+|their\s+)?(?:[\w–-]+\s+){0,2}?border"),
        # "have been crossing every day this week at Islam Qala"
        ("phrase", r"(?<!border )(?<!the )(?<!a )cross(?:ed|es|ing)?\s+(?:over\s+|back\s+)?"
                   r"(?:(?:every|each|this|last|that)\s+\w+\s+|daily\s+|overnight\s+|again\s+){0,3}"
                   r"(?:into|at|from|near)\b"),
        ("phrase", r"(?<!border )(?<!the )(?<!a )cross(?:ed|es|ing)\s+(?:the\s+)?(?:(?-i:[A-Z])[\w-]*\s+)"
                   r"{0,3}(?:Bridge|bridge|River|river|crossing|checkpoint|frontier)"),
        # "waded across the Rio Grande": a river crossed by people (checked to be a river).
        ("verb_river", r"(?:cross(?:ed|es|ing)|waded|wading|swam|swimming|paddled|rowed)"
                       r"(?=\s+(?:back\s+)?(?:across\s+)?(?:the\s+)?(?-i:[A-Z]))"),
        ("arrival", r"landed|arrived|reached|entered"),
        ("phrase", r"(?:reached|arrived\s+at|approached|massed\s+at)\s+(?:the\s+)?(?:[\w–-]+\s+)?"
                   r"(?:border|frontier|crossing)"),
        ("phrase", r"(?:force|forced|forcing|push|pushed|pushing|make|made|making|fight|fought)\s+"
                   r"(?:their|his|her|its)\s+way\s+(?:through|across|into|over|past)\s+"
                   r"(?:the\s+)?(?:[\w–-]+\s+){0,3}?(?:border|crossing|checkpoint|frontier)"),
        ("phrase", r"(?:sent|sending|turned|pushed)\s+back|deported|expelled"),
        ("phrase", r"(?:building|built|erected|erecting|fortif\w+|reinforc\w+|extending|"
                   r"extended|completed|finished)\s+(?:[\w.-]+\s+){0,4}?(?:along|on|at)\s+"
                   r"(?:its|the|their)\s+(?:[\w–-]+\s+)?(?:border|frontier)"),
        ("phrase", r"(?:kept|keep|keeps|keeping)\s+(?:[\w–-]+\s+){0,5}?(?:border|crossings?|"
                   r"checkpoints?)\s+(?:[\w–-]+\s+){0,3}?(?:open|closed|shut)\b|"
                   r"(?:border|crossings?|border\s+posts?|ports?\s+of\s+entry|checkpoints?)\s+"
                   r"(?:[\w-]+\s+){0,3}?(?:remained|remains|remain|stayed|stays)\s+(?:open|closed|"
                   r"shut)"),
        # A crossing opened or shut, said of the crossing itself: "The bridges reopened on
        # Saturday", "the port of entry at Lukeville has been closed since Dec. 4".
        ("phrase", r"(?:bridges?|gates?|crossings?|checkpoints?|border\s+posts?|ports?\s+of\s+"
                   r"entry|terminals?|corridor)\s+(?:[\w’'-]+\s+){0,4}?(?:reopened|re-opened|"
                   r"(?:has|have|had)\s+been\s+(?:closed|shut)|swung\s+open)"
                   r"(?!\s+(?:the|a|an|its|their|to)\b)"),
        # People who "had crossed" or "returned home (from)": "about 450 people had crossed",
        # "230,000 Afghans have returned home", "Afghans returned home from Iran".
        ("phrase", r"(?:people|refugees|migrants|families|returnees|civilians|Afghans|Syrians|"
                   r"Sudanese|Rohingya)\s+(?:[\w’'-]+\s+){0,2}?(?:had|have|has)\s+(?:crossed\b"
                   r"(?!\s+(?:the|a|an|into|over|from|at|through)\b)|returned\s+home\b)"),
        ("phrase", r"returned\s+(?:home\s+)?from\s+(?:neighbouring\s+)?(?-i:[A-Z])[\w’'-]+"),
        ("phrase", r"(?:were|was|been|being)\s+(?:returned|deported|sent back|expelled|"
                   r"repatriated|pushed back|turned back)"),
        ("phrase", r"(?:gathered|gather|gathers|massed|queued|queue|waited|wait|waits|waiting|"
                   r"camped|crowded|stranded|stuck|trapped)\s+(?:\w+\s+){0,3}?"
                   r"(?:at|near|on|along)\s+(?:the\s+)?(?:[\w–-]+\s+){0,2}?"
                   r"(?:border|crossing|checkpoint)"),
        ("phrase", r"(?:crowded|thronged|packed|jammed|besieged)\s+(?:the\s+)?(?:[\w–-]+\s+){0,2}?"
                   r"(?:border crossing|crossing|checkpoint|border post)"),
        ("phrase", r"border (?:guards?|police|officers|officials|troops|posts?) "
                   r"(?:\w+ )?(?:checking|checked|check|stopped|detained|turned back|"
                   r"inspect(?:ed|ing)|search(?:ed|ing)|screen(?:ed|ing)|let|allowed|"
                   r"registered|processed)"),
        ("phrase", r"(?:closed|sealed|opened|reopened|shut|closing|sealing|shutting|reopening)"
                   r"\s+(?:(?:the|a|its|their|all|"
                   r"several|two|three|main|key|[\w’'–-]+)\s+){0,7}?"
                   r"(?:borders?|border crossings?|crossings?|checkpoints?|crossing points?|frontiers?|"
                   r"(?:border\s+)?posts?(?=\s+(?:to|at|for|on)\b)|ports?\s+of\s+entry)"),
        ("phrase", r"(?:traffic|trade|crossings?|movement|passage)\s+(?:[\w-]+\s+){0,3}?(?:through|at|"
                   r"across|over)\s+(?:the\s+)?(?:[\w–-]+\s+){0,2}?(?:border|crossing|checkpoint|"
                   r"frontier|customs (?:station|post|house|point))\b[^.;]{0,80}?\b(?:was|were|has\s+been|had\s+been|have\s+been)\s+"
                   r"(?:suspended|halted|stopped|closed|resumed|reopened|blocked)"),
        ("phrase", r"(?:halted|suspended|stopped|blocked|resumed|restricted)\s+(?:all\s+)?"
                   r"(?:[\w-]+\s+){0,2}?(?:traffic|trade|crossings|movement|cargo)\s+"
                   r"(?:[\w-]+\s+){0,2}?(?:at|through|across|on)\s+(?:the\s+|its\s+|their\s+)?"
                   r"(?:[\w–-]+\s+){0,2}?(?:border|borders|crossings?|checkpoints?|frontier)\b"),
        # passive: "the crossing was closed", "all checkpoints were briefly shut"
        ("phrase", r"(?:borders?|border crossings?|crossings?|checkpoints?|crossing points?|"
                   r"frontiers?|border posts?)\s+(?:[\w,-]+\s+){0,4}?(?:was|were|had been|has been|"
                   r"have been)\s+(?:(?:last|briefly|temporarily|again|fully|partially|partly|"
                   r"also|abruptly)\s+)?(?:closed|shut|sealed|reopened|re-opened|blocked)\b"),
        ("noun", r"border crossings?|crossing points?"),
        # "installed a checkpoint at the entrance to the corridor": a crossing controlled.
        ("phrase", r"(?:set\s+up|installed|established|erected|opened)\s+(?:a|an|the|its)\s+"
                   r"(?:[\w-]+\s+){0,2}?(?:checkpoints?|border\s+posts?|check\s*posts?)\b"),
        # "A soldier checks the documents of returnees at the Torkham border", "stop a boat
        # carrying Rohingya on the Naf river": people or vehicles checked where they cross
        ("phrase", r"(?:checks?|checked|checking|inspects?|inspected|inspecting|searche[sd]|"
                   r"searching|stops?|stopped|stopping)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}?"
                   r"(?:documents|papers|passports|IDs|identity cards|vehicles|trucks|cars|boats?|"
                   r"buses)\s+(?:[\w-]+\s+){0,8}?(?:at|on|near)\s+(?:the\s+)?(?:[\w–-]+\s+){0,3}?"
                   r"(?:border|crossing|checkpoint|frontier|port|gate|bridge|river)\b"),
        ("phrase", r"(?:trade|traffic|crossings|movement)\s+(?:[\w-]+\s+){0,2}?(?:resumed|reopened|"
                   r"halted|stopped)\s+(?:[\w-]+\s+){0,3}?(?:at|through|across)\s+(?:the\s+)?"
                   r"(?:[\w–-]+\s+){0,2}?(?:border|crossing|checkpoint)"),
        ("phrase", r"(?:closed|shut|reopened|opened)\s+(?:its|their|the)\s+(?:[\w-]+\s+)?"
                   r"(?:airspace|skies)|(?:suspended|halted)\s+all\s+(?:air\s+traffic|flights)"),
    ),
    "evacuation": (
        ("verb", r"airlifted|evacuated|evacuating|evacuates|flown out|flew out|repatriated|"
                 r"rescued|(?:were|was|been|being) flown (?:out|from|to|home)"),
        ("noun", r"airlifts?|evacuations?|evacuation flights?|rescue flights?"),
        ("phrase", r"(?:moved|relocated|transferred|bussed|ferried)\s+(?:[\w,-]+\s+){0,4}?"
                   r"(?:families|residents|people|villagers|civilians)\s+(?:[\w-]+\s+){0,3}?from\b"),
        # An embassy's people moved out: "moved its staff to Baku", "students, moved from
        # Tehran to Qom".
        ("phrase", r"(?:moved|relocated|transferred)\s+(?:its|their|the|embassy)\s+(?:[\w-]+\s+)?"
                   r"(?:staff|diplomats|employees|personnel)\s+(?:to|out\s+of|from)\b|"
                   r"(?:students|nationals|citizens|staff|diplomats),?\s+(?:who\s+were\s+)?moved\s+"
                   r"from\s+(?-i:[A-Z])"),
        # the same, passive: "200 families had been moved from villages along the border",
        # "50,000 people were moved to temporary shelters"
        ("phrase", r"(?:families|residents|people|villagers|civilians)\s+(?:[\w-]+\s+){0,3}?"
                   r"(?:were|was|had been|have been|has been|been|being)\s+(?:moved|relocated|"
                   r"transferred|bussed|ferried)\s+(?:(?:[\w-]+\s+){0,2}?(?:from|out of|away from)\b|"
                   r"to\s+(?:[\w-]+\s+)?(?:shelters|evacuation cent(?:re|er)s|camps|safety|"
                   r"safer\s+\w+))"),
        ("phrase", r"(?:loaded|put|bundled|packed|herded)\s+(?:[\w-]+\s+){0,3}?(?:villagers|residents|"
                   r"families|civilians|people|children|patients)\s+(?:onto|into|on)\s+(?:[\w-]+\s+)"
                   r"{0,2}?(?:trucks|buses|boats|helicopters|vehicles|lorries|planes)\b"),
        ("phrase", r"(?:ships?|vessels?|planes?|flights?|aircraft|convoys?|buses|coaches|ferry|"
                   r"ferries|trains?|helicopters?)\s+carrying\s+(?:[\w,-]+\s+){0,5}?(?:evacuees|"
                   r"nationals|citizens|foreigners|staff|diplomats|passengers|families|survivors|"
                   r"hostages|the\s+wounded|(?-i:[A-Z])[a-z]+(?:ans|ese|is))\b|"
                   # "a military aircraft carried the bodies of the dead and the wounded"
                   r"(?:planes?|aircraft|helicopters?|ambulances?)\s+(?:carried|ferried|flew|took)\s+"
                   r"(?:[\w,-]+\s+){0,10}?(?:the\s+)?(?:wounded|injured)\b"),
        ("phrase", r"(?:flying|flew|flown|airlifting|ferrying|ferried|bussing|bussed|shipping|"
                   r"shipped)\s+(?:[\w’'-]+\s+){0,4}?(?:citizens|nationals|staff|people|civilians|"
                   r"diplomats|families|passengers|foreigners|residents|evacuees)\s+"
                   r"(?:[\w-]+\s+){0,2}?(?:out\s+of|out|home\s+from|from)\b"),
        ("phrase", r"(?:ordered|told|instructed|urged)\s+(?:[\w’'-]+\s+){1,8}?to\s+"
                   r"(?:evacuate|leave\s+their\s+homes|flee)\b"),
        # An ordered departure: "ordered non-emergency staff ... to leave Lebanon".
        ("phrase", r"ordered\s+(?:[\w’'-]+\s+){0,4}?(?:staff|personnel|diplomats|employees|"
                   r"dependants|dependents)\s+(?:[\w’'-]+\s+){0,8}?to\s+(?:leave|depart)\s+"
                   r"(?:the\s+country|(?:its|the)\s+(?:embassy|consulate)|(?-i:[A-Z])[\w’'-]+)"),
        # A place emptied of its people: "Metula ... was emptied earlier this week".
        ("phrase", r"(?:was|were|had\s+been|has\s+been|have\s+been)\s+emptied\b"),
        ("phrase", r"(?:were|was)\s+(?:taken|transferred|moved|carried|flown|driven|brought|"
                   r"rushed)\s+(?:[\w-]+\s+){0,7}?to\s+(?:a\s+|the\s+)?(?:hospitals?|safety|shelters?|"
                   r"(?-i:[A-Z])[\w’'-]*)"),
        ("phrase", r"(?:withdrawn|withdrew|pulled out|relocated|flown out|brought home)\s+"
                   r"(?:[\w-]+\s+){0,4}?(?:diplomats|staff|nationals|citizens|employees|"
                   r"embassy|consulate)"),
        ("phrase", r"(?:flights?|planes?|aircraft|jets?|airliners?)\s+(?:[\w-]+\s+){0,2}?"
                   r"(?:brought|carried|carrying|flew|took|ferried|ferrying|evacuated)\s+"
                   r"(?:[\w,-]+\s+){0,3}?(?:passengers|people|evacuees|nationals|citizens|"
                   r"foreigners|refugees|diplomats|staff)"),
    ),
    "political": (
        ("phrase", r"(?:city|town|capital|district|province|base|garrison|airport|(?-i:[A-Z])[a-z]+)\s+"
                   r"(?:had\s+|has\s+)?fell\b(?!\s+(?:ill|silent|short|sharply|by))"),
        ("verb", r"surrendered|defected|overthrown|overthrew|toppled|ousted|deposed|seized power|"
                 r"took power|overran|"
                 r"overrun|swept into|marched into|rolled into|"
                 r"came to power|took control|taken control|seized control|"
                 r"appointed|resigned|sworn in|inaugurated|elected|"
                 r"accepted\s+(?:the\s+|his\s+|her\s+)?(?:[\w’'-]+\s+){0,2}?resignation|"
                 r"took\s+over\s+(?:from\s+(?:[\w.’'-]+\s+){1,5}?)?as\s+(?:the\s+)?"
                 r"(?:[\w-]+\s+){0,2}?(?:head|chair|chairman|leader|president|prime minister|"
                 r"commander|chief)\b"),
        ("verb_post", r"named|nominated"),
        ("verb_government", r"formed|form|announced|announce|declared|declaring|unveiled|"
                            r"dissolved|proclaimed|proclaiming|imposed|imposing|introduced|lifted"),
        ("verb_territory", r"captured|seized|fell to|retook|recaptured|capturing|seizing|"
                           r"(?<![-\w])(?<!the )(?<!an )occupied(?!\s+(?:territor|lands?\b|areas?\b|"
                           r"zones?\b))|occupying|"
                           r"(?<!were )(?<!was )(?<!been )(?<!being )(?<!photo )(?<!picture )(?<!image )"
                           r"taken(?!\s+(?:for\s+granted|off|place|part|note|steps|office|action|care|"
                           r"responsibility|aback|ill|hostage)\b)|"
                           r"took(?!\s+(?:part|charge|place|note|steps|office|aim|action|time|"
                           r"care|responsibility|off|up|over\s+as|over\s+from\s+(?:[\w.’'-]+\s+){1,5}?as)\b)"),
        ("verb_protest", r"protested|demonstrated|rallied|marched|rally|rallies|protest|march|"
                         r"demonstrate|(?:gathered|assembled|staged\s+a\s+sit-in)\s+"
                         r"(?:[\w-]+\s+){0,4}?(?:outside|in\s+front\s+of|near|at|in)\s+(?:the\s+)?"
                         r"(?:[\w’'-]+\s+){0,3}?(?:parliament|palace|office|compound|embassy|"
                         r"square|base|building|headquarters|ministry|court|city hall|"
                         r"government house)"),
        # "Mourners staged a sit-in outside the press club": a protest, wherever held.
        ("phrase", r"(?:staged|held|began|launched)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:sit-ins?|"
                   r"protests?|demonstrations?|hunger\s+strikes?|rall(?:y|ies)|marches)\b"),
        # A protest dispersed: "Riot police used water cannon, tear gas and pepper spray".
        ("phrase", r"(?:used|fired|firing|deployed)\s+(?:[\w-]+\s+){0,2}?(?:water\s+cannons?|"
                   r"tear\s+gas|pepper\s+spray|rubber\s+bullets|stun\s+grenades)|dispersed\s+"
                   r"(?:the\s+)?(?:[\w-]+\s+)?(?:protesters|demonstrators|crowds?|rall(?:y|ies)|"
                   r"protests?|sit-in)"),
        ("phrase", r"(?:police|security forces|security services?|intelligence services?|"
                   r"prosecutors?|authorities|intelligence agents|"
                   r"(?:masked\s+|police\s+)?officers|agents|"
                   r"(?<!border )(?:presidential |republican )?guards?|soldiers|troops|the army|the military)"
                   r"\s+(?:[\w,’'-]+\s+){0,6}?(?:arrested|detained|raided|rounded up)\b"),
        ("phrase", r"issued\s+(?:an?\s+|international\s+)?(?:arrest\s+)?warrants?\s+for\b"),
        # A case in court: "a prosecutor at the special court charged three of them".
        ("phrase", r"(?:prosecutors?|courts?|judges?|tribunals?)\s+(?:[\w,’'-]+\s+){0,8}?"
                   r"(?:charged|indicted|sentenced|convicted)\b"),
        # An office-holder removed: "was suspended by the Constitutional Court",
        # "was dismissed from office".
        ("phrase", r"(?:was|were|has\s+been|had\s+been)\s+(?:suspended|dismissed|sacked|impeached|"
                   r"removed)\s+(?:from\s+(?:office|power|(?:his|her)\s+post)\b|by\s+(?:the\s+)?"
                   r"(?:(?-i:[A-Z])\w+\s+){0,2}(?:court|parliament|assembly|council|president)\b)"),
        # Crowds that fill a city: "Hundreds of thousands of people have poured into central
        # Dhaka", "tens of thousands of people filled the streets of the capital",
        # "protesters broke through the gates of Ganabhaban".
        ("phrase", r"(?:people|protesters|demonstrators|crowds|marchers|residents|supporters|"
                   r"students)\s+(?:[\w-]+\s+){0,3}?(?:poured\s+into|filled\s+the\s+streets|"
                   r"flooded\s+the\s+streets|took\s+to\s+the\s+streets|broke\s+through\s+the\s+"
                   r"(?:gates|barricades|cordons?))"),
        # Elections held and won: "Mozambicans voted in general elections on Oct. 9", "the
        # electoral commission declared Chapo the winner"; a crowd gathered to celebrate.
        ("phrase", r"(?:voted|went\s+to\s+the\s+polls)\s+(?:[\w-]+\s+){0,3}?(?:elections?|"
                   r"referendum|polls|run-?off)\b|declared\s+(?:(?-i:[A-Z])[\w’'-]+\s+){1,3}"
                   r"(?:the\s+)?(?:winner|victor|president-elect)\b"),
        ("phrase", r"(?:gathered|assembled|danced|rallied)\s+(?:[\w-]+\s+){0,8}?to\s+celebrate\b"),
        # A court's order against people: "a Bishkek district court ordered 21 of them held".
        ("phrase", r"court\s+(?:[\w-]+\s+){0,2}?(?:ordered|sentenced|convicted|jailed)\b"),
        # The passive names no police: "seven suspected insurgents were arrested in Ancuabe".
        ("phrase", r"(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:arrested|detained)\b"),
        ("phrase", r"(?:suspended|revoked|banned|annulled|scrapped|tore\s+up|cancelled|canceled|"
                   r"expelled)\s+(?:[\w’'-]+\s+){0,5}?(?:agreements?|accords?|treat(?:y|ies)|"
                   r"broadcasts?|media|parties|constitution|licen[cs]es|accreditations?|"
                   r"ambassadors?)\b"),
        ("phrase", r"(?:parliament|lawmakers|legislators|assembly|senate|congress|deputies|MPs|"
                   r"legislature)\s+(?:[\w’'-]+\s+){0,2}?(?:voted|approved|ratified|endorsed)\b"),
        # A leader removed: "had removed Lieutenant Colonel Damiba", "removed from power".
        ("phrase", r"removed\s+(?:(?:the\s+)?(?:(?-i:[A-Z])[a-z]+\s+){0,2}(?-i:President|"
                   r"Prime\s+Minister|Colonel|General|Lieutenant\s+Colonel|Captain|Major|"
                   r"King|Emir|Governor|leader)\b|(?:[\w’'-]+\s+){1,4}?from\s+(?:power|"
                   r"office)\b)"),
        # A walk-out is a protest: "opposition lawmakers ... walked out of parliament".
        ("phrase", r"walked\s+out\s+of\s+(?:the\s+)?(?:parliament|chamber|assembly|house|senate|"
                   r"session|sitting)\b"),
        ("phrase", r"(?:protesters|demonstrators|rioters|crowds|marchers)\s+(?:[\w,’'-]+\s+){0,6}?"
                   r"(?:burned|burnt|blocked|stormed|chanted|set\s+fire|took\s+to\s+the\s+streets|"
                   r"gathered|marched|rallied|besieged|torched|occupied)\b"),
        ("phrase", r"(?:approved|passed|adopted|signed|enacted|ratified)\s+(?:a|an|the)\s+"
                   r"(?:[\w-]+\s+){0,2}?(?:bill|law|legislation|decree|constitution|amendment)"),
        ("phrase", r"flags?\s+(?:[\w-]+\s+){0,3}?(?:(?:was|were|had\s+been|has\s+been)\s+)?"
                   r"(?:pulled down|lowered|raised|hoisted|taken down|torn down|replaced)|"
                   r"(?:raised|hoisted|planted|pulled down|tore down|lowered)\s+(?:[\w’'-]+\s+)"
                   r"{0,3}?(?:flags?|banners?)"),
        # "a letter of protest", "a protest note" is diplomacy, not a demonstration
        ("noun", r"takeover|coup|resignation|appointment|inauguration|"
                 r"(?<!letter of )(?<!note of )protests?(?!\s+(?:notes?|letters?)\b)|"
                 r"demonstrations?|rall(?:y|ies)"),
    ),
    "humanitarian": (
        ("verb", r"fled|flee|flees|fleeing|displaced|sheltered|sought refuge|sought asylum"),
        ("verb_aid", r"delivered|distributed|airdropped|handed out|shipped|provided|sent(?!\s+back)"),
        ("phrase", r"(?:families|residents|people|civilians|villagers|inhabitants|thousands|"
                   r"hundreds)\s+(?:[\w-]+\s+){0,3}?(?:left|abandoned|deserted)\s+"
                   r"(?:their\s+(?:homes|houses|villages|towns?|city)|(?-i:[A-Z])[\w-]*)"),
        ("phrase", r"(?:opened|set up|turned)\s+(?:[\w-]+\s+){0,6}?(?:to|into)\s+"
                   r"(?:shelter|house|accommodate|shelters\s+for)\s+(?:[\w-]+\s+){0,4}?"
                   r"(?:families|people|displaced|refugees|residents|returnees)\b"),
        ("phrase", r"(?:Red Crescent|Red Cross|UNHCR|World Food Programme|WFP|UNICEF|IOM|"
                   r"aid (?:agencies|groups|workers)|humanitarian (?:partners|agencies|groups|"
                   r"organi[sz]ations|workers))\s+(?:[\w’'-]+\s+){0,2}?(?:reopened|opened|"
                   r"set up|distributed|delivered|provided|began|resumed|assisted|helped|"
                   r"registered|sheltered|treated|fed)"),
        ("noun", r"humanitarian (?:convoys?|assistance|shipments?|cargo|supplies|air service|"
                 r"flights?|corridors?)|air bridge|"
                 r"(?:new )?arrivals|returnees|"
                 r"(?:humanitarian |food |medical |emergency )aid|aid (?:deliver(?:y|ies)|convoys?|"
                 r"shipments?|flights?)|relief supplies|(?:refugee |tent )?camps?|displacement|"
                 r"(?:emergency )?tents|shelters"),
        ("phrase", r"(?:planes?|flights?|convoys?|trucks?|lorries|shipments?|aircraft)\s+"
                   r"(?:carrying|delivering|loaded with|with)\s+(?:[\w-]+\s+){0,2}?"
                   r"(?:aid|food|medical supplies|medicine|medicines|vaccines|relief)"),
        ("phrase", r"(?:dropped|airdropped|parachuted)\s+(?:[\w,.-]+\s+){0,5}?(?:meals|aid|food|"
                   r"parcels|supplies|rations|pallets)\b|(?:meals|aid|food|parcels|supplies|rations)\s+"
                   r"(?:[\w-]+\s+){0,2}?(?:dropped|airdropped|parachuted)\b"),
        ("noun", r"(?:air ?)?drops?\s+of\s+(?:[\w,.-]+\s+){0,4}?(?:meals|aid|food|parcels|supplies)|"
                 r"air ?drops"),
        ("phrase", r"(?:aid|relief|humanitarian|rescue|search-and-rescue|medical)\s+(?:planes?|"
                   r"flights?|convoys?|trucks?|aircraft|teams?)\s+(?:[\w-]+\s+){0,4}?(?:landed|"
                   r"landing|arrived|arriving|"
                   r"reached|began)\b"),
        # "Foreign help began arriving on Tuesday".
        ("phrase", r"(?:help|aid|assistance|relief|supplies)\s+(?:began|started|continued|"
                   r"kept)\s+(?:arriving|to\s+arrive|flowing|to\s+flow|pouring\s+in)"),
        ("phrase", r"(?:flown|flew|sent|airlifted|trucked|shipped|dispatched|delivered)\s+"
                   r"(?:[\w,-]+\s+){0,5}?(?:relief|aid|supplies|tents|blankets|food|medicines?|"
                   r"ambulances|medical (?:teams|supplies)|rescue teams)\b"),
        ("phrase", r"(?:convoy|convoys|lorries|trucks)\s+(?:[\w-]+\s+){0,6}?(?:reached|arrived\s+in)\s+"
                   r"(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)?\s+(?:[\w-]+\s+){0,3}?with\b"),
        ("phrase", r"(?:released|allocated|disbursed)\s+(?:[\w$,.-]+\s+){0,5}?(?:in\s+|for\s+)?"
                   r"(?:emergency\s+|humanitarian\s+|flood\s+)?(?:relief|aid|assistance)\b"),
        ("phrase", r"(?:spent|spend|spending)\s+(?:the|a|another|their)\s+(?:[\w-]+\s+){0,2}?"
                   r"nights?\s+(?:in\s+the\s+open|outdoors|outside|in\s+tents)"),
        # A disaster and its toll (ACLED leaves them out; geomap files them as humanitarian).
        ("phrase", r"(?:earthquakes?|quakes?|aftershocks?|tremors?|floods?|flash floods|landslides?|"
                   r"mudslides?|avalanches?|cyclones?|typhoons?|hurricanes?)\s+(?:[\w.,-]+\s+){0,5}?"
                   r"(?:struck|hit|jolted|shook|rocked|destroyed|damaged|flattened|swept|buried|"
                   r"blocked|washed away|inundated|submerged)\b"),
        ("phrase", r"(?:pulled|dug|recovered)\s+(?:[\w,-]+\s+){0,4}?(?:alive\s+)?from\s+(?:the\s+)?"
                   r"(?:[\w-]+\s+)?(?:rubble|debris|ruins|mud)\b"),
        # The same words in a war are its toll: kept only where a disaster is the story.
        ("disaster", r"(?:death\s+)?toll\s+(?:[\w-]+\s+){0,3}?(?:rose|risen|rises|climbed|climbs|"
                     r"reached|jumped|stood at|stands at|increased)\b"),
        ("disaster", r"(?:rescuers|rescue (?:teams|workers)|search teams)\s+(?:[\w-]+\s+){0,3}?"
                     r"(?:pulled|dug|recovered|searched|searching|combed|reached)\b"),
        ("disaster", r"(?:houses|homes|buildings?|roofs|schools|mosques|towers?|bridges?|"
                     r"hospitals?|blocks|complex|pagodas?|monaster(?:y|ies))\s+(?:[\w,-]+\s+){0,4}?"
                     r"(?:had been\s+|have been\s+|were\s+|was\s+)?(?:destroyed|damaged|collapsed|"
                     r"flattened|swept away)\b"),
        # "collapsed in the quake", "came down ... within seconds of the quake hitting"
        ("phrase", r"(?:collapsed|came\s+down|caved\s+in|toppled)\s+(?:[\w,-]+\s+){0,8}?"
                   r"(?:in|during|after|of)\s+the\s+(?:[\w-]+\s+)?(?:earthquake|quake|tremor|"
                   r"aftershock|floods?|cyclone|typhoon|landslide)\b"),
        ("disaster", r"(?:search(?:ed|es|ing)?|dig(?:ging)?|dug)\s+(?:[\w-]+\s+){0,3}?for\s+"
                     r"(?:survivors|bodies|the\s+missing|people\s+trapped)"),
        ("disaster", r"(?:sheltering|sleeping|living)\s+(?:[\w-]+\s+){0,2}?(?:in\s+tents|"
                     r"in\s+the\s+open|outdoors)"),
    ),
}

#: After a nominal trigger, these say it happened or will: "talks are scheduled to".
HAPPENED_AFTER = re.compile(
    r"^\s*(?:[\w’'-]+\s+){0,8}?(?:(?P<past>was\s+held|were\s+held|took\s+place|began|ended|"
    r"opened|closed|convened|continued|raged|erupted|broke\s+out|intensified|escalated|resumed|"
    r"spread|(?:have\s+|has\s+|had\s+)?been\s+reported|were\s+reported|was\s+reported|"
    r"landed|took\s+off|departed|arrived)|"
    r"(?P<future>will\s+(?:be\s+held|take\s+place|begin|open)|"
    r"(?:is|are)\s+(?:scheduled|due|set|expected|planned)\s+(?:to|for)))\b", re.I)

#: Support verbs that make a nominal trigger an event: "held a meeting", "conducted drills".
SUPPORT_VERBS = re.compile(
    r"\b(?:held|hold|holds|holding|host|hosts|hosted|hosting|conducted|conduct|conducts|"
    r"conducting|staged|stage|stages|launched|launch|launches|carried out|carry out|"
    r"organi[sz]ed|convened|attended|attend|joined|began|begin|begun|started|start|"
    r"concluded|wrapped up|took part in|participated in|resumed|delivered|sent|provided|"
    r"(?:pressed|pushed) ahead(?:\s+[\w-]+){0,3}?\s+with|stepped up|accelerated|"
    r"completed|continued|followed|chaired|called|scheduled|announced|had|opened|ordered|"
    r"ended|end|mounted|waged|suffered|repelled|reported|completed|set up|sets up|"
    r"setting up|built|erected|prepared|pitched|established|(?:are|is|were|was)\s+in|"
    r"responded with|retaliated with|dispatched|registered|recorded|received)\b", re.I)

#: Words between an indefinite article and its noun: "an emergency meeting".
INDEFINITE = re.compile(r"\b(?:an?|another|two|three|several|new|fresh|series of)\s+"
                        r"(?:[\w-]+\s+){0,3}$", re.I)
#: A nominal trigger after these is the time or cause of something else: background.
BACKGROUND_BEFORE = re.compile(
    r"\b(?:after|before|ahead of|since|following|amid|despite|in the (?:immediate )?"
    r"aftermath of|in the wake of|because of|due to|threat of|risk of|fear of|fears of|"
    r"danger of|prospect of|warned of|warning of|warnings of|warns of|fears? of|"
    r"risk of|possibility of|possible|potential|imminent|feared|planned)\s+"
    r"(?:(?:the|a|an|its|their|his|her|another|new|further|more)\s+)?(?:[\w’'-]+\s+){0,3}$",
    re.I)
#: Habitual or repeated action is background, not one event: "has repeatedly staged drills".
HABITUAL = re.compile(r"\b(?:repeatedly|regularly|routinely|often|frequently|usually|"
                      r"traditionally|habitually|periodically|annually|every\s+(?:year|summer|"
                      r"spring|autumn|winter))\b", re.I)
MODALS = frozenset("could would might may should must can cannot couldn't wouldn't shouldn't"
                   .split())
FUTURE = re.compile(r"\b(?:will|shall|’ll|'ll|(?:is|are|was|were)\s+(?:also\s+|still\s+)?(?:due|set|"
                    r"scheduled|expected|going|slated|poised)\s+to|plans?\s+to|planning\s+to|"
                    r"intends?\s+to|to be held|next|upcoming|forthcoming|planned|proposed|"
                    r"scheduled\s+for|(?:agreed|decided|pledged|promised|vowed)\s+to)\b",
                    re.I)
NEGATION = frozenset("not never no n't didn't hasn't haven't wasn't weren't".split())
IRREALIS = re.compile(r"\b(?:if|unless|whether|hopes?|hoping|wants?|wanted|seeks?|seeking|"
                      r"aims?|aimed|threatened|threatens|refused|failed|urged|calls? for|"
                      r"in order|so as)\b", re.I)

#: Words that make the subject of a speech verb a political actor.
POLITICAL_SPEAKER = re.compile(
    r"\b(?:president|ministers?|secretary|chancellor|premier|spokes(?:man|woman|person)|"
    r"ambassador|envoy|diplomats?|governments?|ministry|ministries|kremlin|white house|pentagon|"
    r"state department|foreign office|embassy|leaders?|officials?|authorities|group|bloc|"
    r"alliance|council|organi[sz]ation|king|emir|prime|taliban|cabinet|"
    r"parliament|nations|countries|union|administration|regime|delegations?|sides?|"
    r"representatives|delegates|negotiators|mediators|elders|jirga|shura|governor|mayor|"
    r"advis[eo]r|military|army|committee|chief|head|general|commanders?|lawmakers)\b", re.I)

#: Clause boundaries: a date or place on the other side belongs to another clause.
CLAUSE_MARKERS = re.compile(
    r"(?:,\s*)?\b(?:which|who|whom|whose|where|when|while|whereas|after|before|"
    r"(?<!has )(?<!have )(?<!had )(?<!ever )since(?!\s+then\b)|because|"
    r"although|though|until|unless|if|according to|adding|at which|during which|in which|"
    r"ahead of|an?\s+(?:[\w-]+\s+)?(?:move|step|decision|development|sign)\s+(?:that|which))\b|;",
    re.I)
#: Relative clauses that share the time and place of what they attach to.
INHERITING_MARKERS = frozenset({"at which", "during which", "in which", "where", "when", "after",
                                "before", "while", "adding", "ahead of"})

#: An acronym in brackets after a capitalised name: "Treaty Organization (CSTO)".
ORG_ACRONYM = re.compile(r"(?<=[A-Za-z] )\(([A-Z][A-Z0-9-]{1,9})\)")
KNOWN_ORGS: dict[str, str] = {
    "taliban": "Taliban", "al-qaeda": "al-Qaeda", "al qaeda": "al-Qaeda",
    "islamic state": "Islamic State", "isis": "Islamic State", "isil": "Islamic State",
    "is-k": "ISIS-K", "isis-k": "ISIS-K", "nato": "NATO", "united nations": "UN", "un": "UN",
    "european union": "EU", "eu": "EU", "g7": "G7", "group of seven": "G7", "g20": "G20",
    "group of 20": "G20", "csto": "CSTO", "sco": "SCO", "asean": "ASEAN",
    "african union": "African Union", "hezbollah": "Hezbollah", "hamas": "Hamas",
    "red cross": "Red Cross", "icrc": "ICRC", "unhcr": "UNHCR", "who": "WHO", "osce": "OSCE",
    "houthis": "Houthis", "houthi": "Houthis", "al-shabaab": "al-Shabaab",
    "boko haram": "Boko Haram", "rapid support forces": "RSF", "rsf": "RSF", "m23": "M23",
    "wagner": "Wagner", "pkk": "PKK", "ttp": "TTP", "ecowas": "ECOWAS", "sadc": "SADC",
    "etim": "ETIM", "pentagon": "Pentagon", "kremlin": "Kremlin", "white house": "White House",
}
ORG_PATTERN = re.compile(
    r"\b(?:Taliban|al-Qaeda|al Qaeda|Islamic State|ISIS-K|ISIS|ISIL|IS-K|NATO|United Nations|"
    r"UN|European Union|EU|G7|Group of Seven|G20|Group of 20|CSTO|SCO|ASEAN|African Union|"
    r"Hezbollah|Hamas|Red Cross|ICRC|UNHCR|OSCE|ETIM|Pentagon|Kremlin|White House|Houthis?|"
    r"al-Shabaab|Boko Haram|Rapid Support Forces|RSF|M23|Wagner|PKK|TTP|ECOWAS|SADC)\b")
PERSON_TITLE = re.compile(
    r"\b(?:President|Prime\s+Minister|Foreign\s+Minister|Defen[cs]e\s+Minister|"
    r"Interior\s+Minister|Minister|Secretary\s+of\s+State|Secretary|Chancellor|Premier|King|Queen|Emir|Crown Prince|"
    r"Gen\.|General|Ambassador|envoy|spokes(?:man|woman|person)|commander|leader|chief|"
    r"president|Mr\.|Mrs\.|Ms\.|Dr\.)\s+"
    r"((?:[A-Z][\w’'-]+)(?:\s+(?:[A-Z][\w’'-]+|(?:al|el|bin|ibn|van|von|de|da|del)"
    r"(?:-[A-Z][\w’'-]+|\s+[A-Z][\w’'-]+))){0,3})")
#: Plural nouns for people, for magnitudes ("82,000 Americans" counts people).
PEOPLE_NOUNS = frozenset(
    """people persons civilians refugees migrants residents citizens nationals evacuees
    children women men families villagers workers students passengers employees staff
    allies collaborators interpreters dead casualties wounded protesters""".split())
TROOP_NOUNS = frozenset(
    """troops soldiers servicemen personnel fighters militants forces paratroopers marines
    guards police officers insurgents""".split())
